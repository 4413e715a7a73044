import { describe, expect, it } from 'vitest';
import { dedupeReferences, findReferences } from './references.js';

describe('findReferences', () => {
  it('reads numbered citations with date and issuer', () => {
    const [r] = findReferences(
      'Thực hiện Nghị quyết số 36-NQ/TW ngày 30/01/2023 của Bộ Chính trị về phát triển',
      { section: 'preamble' },
    );
    expect(r).toMatchObject({
      docType: { code: 'nghi-quyet' },
      number: { raw: '36-NQ/TW' },
      date: { iso: '2023-01-30' },
      issuer: 'Bộ Chính trị',
    });
  });

  it('reads laws by name, a provision citing its document, a shared issuer', () => {
    const refs = findReferences(
      'theo Điều 52 Luật Bảo vệ môi trường và khoản 4 Điều 2 Nghị quyết số 101/2025/UBTVQH15; Quyết định số 1902/QĐ-UBND ngày 16/6/2025 và Quyết định số: 2339/QĐ-UBND ngày 12/12/2025 của Ủy ban nhân dân tỉnh Lào Cai',
      { section: 'I' },
    );
    expect(refs.map((r) => r.name ?? r.number?.raw)).toEqual([
      'Luật Bảo vệ môi trường',
      '101/2025/UBTVQH15',
      '1902/QĐ-UBND',
      '2339/QĐ-UBND',
    ]);
    expect(refs[2]!.issuer).toBe('Ủy ban nhân dân tỉnh Lào Cai');
  });

  it('reads the kind word in any case', () => {
    const refs = findReferences('theo Nghị Quyết số 12/NQ-CP và NGHỊ ĐỊNH số 34/2014/NĐ-CP', {
      section: 'I',
    });
    expect(refs.map((r) => [r.docType.code, r.number?.raw])).toEqual([
      ['nghi-quyet', '12/NQ-CP'],
      ['nghi-dinh', '34/2014/NĐ-CP'],
    ]);
  });

  it('keeps each document once; a short name refers back', () => {
    const refs = [
      ...findReferences(
        'Căn cứ Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân ngày 24/6/2025;',
        { section: 'preamble' },
      ),
      ...findReferences('theo Điều 21 của Luật Bầu cử năm 2015 và Kế hoạch số /KH-SCT', { section: 'I' }),
    ];
    expect(dedupeReferences(refs, null).map((r) => r.name)).toEqual([
      'Luật Bầu cử đại biểu Quốc hội và đại biểu Hội đồng nhân dân',
    ]);
  });
});
