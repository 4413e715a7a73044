import { describe, expect, it } from 'vitest';
import { parseDocNumber, parseHeader, titleDocType } from './header.js';
import { linesFromText } from './lines.js';

describe('parseDocNumber', () => {
  it.each([
    ['36-NQ/TW', { number: '36', year: null, symbol: 'NQ/TW', type: 'NQ', issuers: ['TW'] }],
    ['134 /KH-UBND', { number: '134', symbol: 'KH-UBND', type: 'KH', issuers: ['UBND'] }],
    ['30/2020/NĐ-CP', { number: '30', year: 2020, symbol: 'NĐ-CP', type: 'NĐ', issuers: ['CP'] }],
    ['/KH-SCT', { number: null, symbol: 'KH-SCT', type: 'KH' }],
    ['1289/UBND-TH', { type: null, issuers: ['UBND', 'TH'] }],
    ['YBB-SA032/26-LR', { number: null, symbol: null, issuers: [] }],
  ])('%s', (raw, expected) => {
    expect(parseDocNumber(raw)).toMatchObject({ raw, ...expected });
  });
});

describe('parseHeader', () => {
  it('reads a layout header with two columns per line', () => {
    const header = parseHeader(
      linesFromText(
        '     ỦY BAN NHÂN DÂN                CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n       TỈNH LÀO CAI                       Độc lập - Tự do - Hạnh phúc\n\n      Số: 134 /KH-UBND                   Lào Cai, ngày 26 tháng 3 năm 2026\n\n                KẾ HOẠCH\n  Thực hiện Nghị quyết số 34-NQ/TU\n',
      ),
    );
    expect(header.issuer).toEqual({
      chain: ['ỦY BAN NHÂN DÂN', 'TỈNH LÀO CAI'],
      name: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
    });
    expect(header.number?.raw).toBe('134 /KH-UBND');
    expect(header.date?.iso).toBe('2026-03-26');
    expect(header.summary).toBe('Thực hiện Nghị quyết số 34-NQ/TU');
  });

  it('reads a Party header, flattened', () => {
    const header = parseHeader(
      linesFromText(
        'HUYỆN ỦY A ĐẢNG CỘNG SẢN VIỆT NAM\n*\nSố 05-CT/HU A, ngày 02 tháng 01 năm 2025\nCHỈ THỊ\nvề công tác X\n',
      ),
    );
    expect(header.regime).toBe('party');
    expect(header.docType.code).toBe('chi-thi');
    expect(header.issuer.name).toBe('HUYỆN ỦY A');
  });

  it('reads a title and its summary printed on one line', () => {
    const header = parseHeader(
      linesFromText(
        'KẾ HOẠCH TRIỂN KHAI CÔNG TÁC PHỐI HỢP GIỮA BỘ A VÀ BỘ B NĂM 2015 TRONG LĨNH VỰC PHỔ BIẾN PHÁP LUẬT\nI. MỤC ĐÍCH\n',
      ),
    );
    expect(header.docType.code).toBe('ke-hoach');
    expect(header.title).toBe('KẾ HOẠCH');
    expect(header.summary).toBe(
      'TRIỂN KHAI CÔNG TÁC PHỐI HỢP GIỮA BỘ A VÀ BỘ B NĂM 2015 TRONG LĨNH VỰC PHỔ BIẾN PHÁP LUẬT',
    );
  });

  it('leaves the note of an attached plan out of the summary', () => {
    const header = parseHeader(
      linesFromText(
        'KẾ HOẠCH\nHỗ trợ nhà ở đối với người có công\n(Ban hành kèm theo Quyết định số 120/QĐ-UBND ngày 02 tháng 6 năm 2014 của Ủy ban nhân dân tỉnh)\nI. MỤC ĐÍCH\n',
      ),
    );
    expect(header.summary).toBe('Hỗ trợ nhà ở đối với người có công');
    expect(header.bodyStart).toBe(2);
  });

  it('cuts the attachment note printed on the title line', () => {
    const header = parseHeader(
      linesFromText(
        'KẾ HOẠCH TRIỂN KHAI CÔNG TÁC PHỐI HỢP NĂM 2015 (Ban hành kèm theo Quyết định số 17/QĐ-BTP ngày 10/02/2015 của Bộ trưởng Bộ Tư pháp)\nI. MỤC ĐÍCH\n',
      ),
    );
    expect(header.docType.code).toBe('ke-hoach');
    expect(header.summary).toBe('TRIỂN KHAI CÔNG TÁC PHỐI HỢP NĂM 2015');
    expect(header.note).toEqual({
      text: '(Ban hành kèm theo Quyết định số 17/QĐ-BTP ngày 10/02/2015 của Bộ trưởng Bộ Tư pháp)',
      line: 1,
    });
  });

  it('reads a summary whose lines are split by blank lines', () => {
    const header = parseHeader(
      linesFromText(
        'KẾ HOẠCH\n\nHỗ trợ người có công với cách mạng về nhà ở\n\ntheo Quyết định số 22/2013/QĐ-TTg\n\nCăn cứ Luật A;\n',
      ),
    );
    expect(header.summary).toBe(
      'Hỗ trợ người có công với cách mạng về nhà ở theo Quyết định số 22/2013/QĐ-TTg',
    );
  });

  it('names document types by their title line', () => {
    expect(titleDocType('QUYẾT ĐỊNH')).toBe('quyet-dinh');
    expect(titleDocType('CHƯƠNG TRÌNH HÀNH ĐỘNG')).toBe('chuong-trinh');
    expect(titleDocType('Kế hoạch')).toBeNull();
  });
});
