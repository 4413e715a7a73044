import { describe, expect, it } from 'vitest';
import { documentBaseName, exportFileName, safeFileName } from './file-names';

describe('download names', () => {
  it('name an export after the document’s type and number, in Vietnamese', () => {
    const plan = {
      title: 'KẾ HOẠCH',
      number: {
        raw: '134 /KH-UBND',
        number: '134',
        year: null,
        symbol: 'KH-UBND',
        type: 'KH',
        issuers: ['UBND'],
      },
    };
    const base = documentBaseName(plan, 'scan.pdf');
    expect(base).toBe('Kế hoạch 134-KH-UBND');
    expect(exportFileName(base, 'csv', 'nhiệm vụ')).toBe('Kế hoạch 134-KH-UBND - nhiệm vụ.csv');
  });
  it('fall back to the file’s name without its extension', () => {
    expect(documentBaseName({ title: null, number: null }, '/tmp/ke-hoach-36.pdf')).toBe('ke-hoach-36');
  });
  it('cannot escape the downloads folder or make an unsavable name', () => {
    for (const crafted of ['../../etc/passwd', '..\\..\\win.ini', 'a/b:c*?"<>|', '\u0000\u001f', '...', '']) {
      const name = safeFileName(crafted);
      expect(name).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
      expect(name.startsWith('.')).toBe(false);
      expect(name.length).toBeGreaterThan(0);
    }
    expect(safeFileName('x'.repeat(500)).length).toBeLessThanOrEqual(100);
  });
  it('keeps Vietnamese letters, composed', () => {
    expect(safeFileName('Ke\u0302\u0301 hoa\u0323ch')).toBe('Kế hoạch');
  });
});
