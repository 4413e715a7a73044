import { describe, expect, it } from 'vitest';
import { decodeLegacy, decodeTcvn3, decodeVni, detectLegacyEncoding, fixLegacyEncoding } from './legacy.js';

// Reference tables written out independently of the implementation: TCVN3 byte (hex) of each
// letter, as listed by TCVN 5712:1993 VN3 converters (bogoengine, unikey, vietnamese-conversion),
// and the VNI Windows spelling of each letter.
const TCVN3_REFERENCE = `
àB5 áB8 ảB6 ãB7 ạB9 ằBB ắBE ẳBC ẵBD ặC6 ăA8 ầC7 ấCA ẩC8 ẫC9 ậCB âA9
èCC éD0 ẻCE ẽCF ẹD1 ềD2 ếD5 ểD3 ễD4 ệD6 êAA ìD7 íDD ỉD8 ĩDC ịDE
òDF óE3 ỏE1 õE2 ọE4 ồE5 ốE8 ổE6 ỗE7 ộE9 ôAB ờEA ớED ởEB ỡEC ợEE ơAC
ùEF úF3 ủF1 ũF2 ụF4 ừF5 ứF8 ửF6 ữF7 ựF9 ưAD ỳFA ýFD ỷFB ỹFC ỵFE đAE
ĂA1 ÂA2 ÊA3 ÔA4 ƠA5 ƯA6 ĐA7`
  .trim()
  .split(/\s+/u)
  .map((pair): [string, string] => [pair[0]!, String.fromCharCode(Number.parseInt(pair.slice(1), 16))]);

const VNI_REFERENCE = `
à:aø á:aù ả:aû ã:aõ ạ:aï ă:aê ằ:aè ắ:aé ẳ:aú ẵ:aü ặ:aë â:aâ ầ:aà ấ:aá ẩ:aå ẫ:aã ậ:aä
è:eø é:eù ẻ:eû ẽ:eõ ẹ:eï ê:eâ ề:eà ế:eá ể:eå ễ:eã ệ:eä ì:ì í:í ỉ:æ ĩ:ó ị:ò
ò:oø ó:où ỏ:oû õ:oõ ọ:oï ô:oâ ồ:oà ố:oá ổ:oå ỗ:oã ộ:oä ơ:ô ờ:ôø ớ:ôù ở:ôû ỡ:ôõ ợ:ôï
ù:uø ú:uù ủ:uû ũ:uõ ụ:uï ư:ö ừ:öø ứ:öù ử:öû ữ:öõ ự:öï ỳ:yø ý:yù ỷ:yû ỹ:yõ ỵ:î đ:ñ`
  .trim()
  .split(/\s+/u)
  .map((pair): [string, string] => pair.split(':') as [string, string]);

/** Unicode → TCVN3 as a .VnTime/.VnTimeH font would store it (capitals at lower-case positions). */
function encodeTcvn3(text: string): string {
  const table = new Map(TCVN3_REFERENCE);
  return [...text.normalize('NFC')].map((ch) => table.get(ch) ?? table.get(ch.toLowerCase()) ?? ch).join('');
}

function encodeVni(text: string): string {
  const table = new Map(VNI_REFERENCE);
  return [...text.normalize('NFC')]
    .map((ch) => {
      const lower = table.get(ch);
      if (lower !== undefined) return lower;
      const upper = table.get(ch.toLowerCase());
      return upper !== undefined ? upper.toUpperCase() : ch;
    })
    .join('');
}

const PARAGRAPH =
  'UBND tỉnh Khánh Hòa ban hành Kế hoạch số 15/KH-UBND ngày 01 tháng 02 năm 2023 về việc ' +
  'triển khai thực hiện Nghị quyết số 36-NQ/TW của Bộ Chính trị; giao Sở Công Thương chủ trì, phối hợp ' +
  'với các sở, ngành liên quan tổ chức thực hiện, báo cáo kết quả trước ngày 15/3/2024. Người đứng đầu ' +
  'chịu trách nhiệm về tiến độ; quỹ được sử dụng đúng mục đích, khuyến khích giữ gìn và phát huy; ủy ban ' +
  'Mặt trận Tổ quốc Việt Nam tỉnh, Ban Thường vụ Tỉnh ủy khoá XV, thuở ấy, khuya, quyết định.';

const HEADING = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc';

describe('decodeTcvn3', () => {
  it('decodes the quốc hiệu', () => {
    expect(decodeTcvn3('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toBe('Cộng hoà xã hội chủ nghĩa Việt Nam');
    expect(decodeTcvn3('§éc lËp - Tù do - H¹nh phóc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  it('agrees with the reference table on every letter', () => {
    for (const [unicode, byte] of TCVN3_REFERENCE) expect(decodeTcvn3(byte)).toBe(unicode);
  });

  it('decodes ư from the soft hyphen position', () => {
    expect(decodeTcvn3('ng\u00adêi')).toBe('người');
  });

  it('round-trips a paragraph typed in .VnTime', () => {
    expect(decodeTcvn3(encodeTcvn3(PARAGRAPH))).toBe(PARAGRAPH);
  });

  it('restores capitals set in .VnTimeH, using line neighbours when a word cannot tell', () => {
    expect(encodeTcvn3('ĐẢNG CỘNG SẢN VIỆT NAM')).toBe('§¶NG CéNG S¶N VIÖT NAM');
    expect(decodeTcvn3('§¶NG CéNG S¶N VIÖT NAM')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect(decodeTcvn3(encodeTcvn3(HEADING))).toBe(HEADING);
    expect(decodeTcvn3('Bé Tµi chÝnh; Sè: 15/KH-UBND')).toBe('Bộ Tài chính; Số: 15/KH-UBND');
  });

  it('cannot know a toned capital in a lower-case font (.VnTime has none)', () => {
    expect(decodeTcvn3(encodeTcvn3('Ủy ban'))).toBe('ủy ban');
  });

  it('leaves ASCII, Unicode-only letters and a stray degree sign alone', () => {
    expect(decodeTcvn3('Hello 123, UBND')).toBe('Hello 123, UBND');
    expect(decodeTcvn3('30°C')).toBe('30°C');
    expect(decodeTcvn3('ho\u00b5')).toBe('hoà');
  });

  it('applies a VN1 combining tone mark after a vowel', () => {
    expect(decodeTcvn3('hoa\u00b0')).toBe('hoà');
  });
});

describe('decodeVni', () => {
  it('decodes the quốc hiệu', () => {
    expect(decodeVni('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toBe('Cộng hòa xã hội chủ nghĩa Việt Nam');
    expect(decodeVni('Ñoäc laäp - Töï do - Haïnh phuùc')).toBe('Độc lập - Tự do - Hạnh phúc');
  });

  it('agrees with the reference table on every letter, both cases', () => {
    for (const [unicode, vni] of VNI_REFERENCE) {
      expect(decodeVni(vni)).toBe(unicode);
      expect(decodeVni(vni.toUpperCase())).toBe(unicode.toUpperCase());
    }
  });

  it('round-trips a paragraph and an upper-case heading', () => {
    expect(decodeVni(encodeVni(PARAGRAPH))).toBe(PARAGRAPH);
    expect(decodeVni(encodeVni(HEADING))).toBe(HEADING);
    expect(decodeVni('ÑAÛNG COÄNG SAÛN VIEÄT NAM')).toBe('ĐẢNG CỘNG SẢN VIỆT NAM');
  });

  it('produces NFC', () => {
    const out = decodeVni(encodeVni(PARAGRAPH));
    expect(out).toBe(out.normalize('NFC'));
  });
});

describe('detectLegacyEncoding', () => {
  it.each([
    ['tcvn3', 'Céng hoµ x· héi chñ nghÜa ViÖt Nam'],
    ['tcvn3', encodeTcvn3(PARAGRAPH)],
    ['tcvn3', encodeTcvn3(HEADING)],
    ['tcvn3', 'Hµ Néi, ngµy 01 th¸ng 02 n¨m 2023'],
    ['vni', 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'],
    ['vni', encodeVni(PARAGRAPH)],
    ['vni', encodeVni(HEADING)],
    ['vni', 'Haø Noäi, ngaøy 01 thaùng 02 naêm 2023'],
  ])('finds %s in %j', (encoding, text) => {
    const result = detectLegacyEncoding(text);
    expect(result.encoding).toBe(encoding);
    expect(result.score).toBeGreaterThan(0.8);
  });

  it.each([
    ['Vietnamese', PARAGRAPH],
    ['Vietnamese, upper case', HEADING],
    ['Vietnamese, NFD', PARAGRAPH.normalize('NFD')],
    ['Vietnamese, Latin-1 letters only', 'là và có hòa hoà xã à ừ ý'],
    ['new tone style', 'Hoà bình, thuỷ lợi, khoẻ mạnh'],
    ['English', 'The quick brown fox jumps over the lazy dog.'],
    ['French', 'À côté de la mer, déjà très élevé, naïve café résumé'],
    ['German', 'Zürich Größe für schön über'],
    ['numbers and symbols', '1.000.000 × 3 × 4 µm ± 5°C, 10 µm, 20 µm, ½ ¼ ¾ © ®'],
    ['empty', ''],
  ])('keeps %s as unicode', (_, text) => {
    expect(detectLegacyEncoding(text).encoding).toBe('unicode');
  });

  it('reports counts and a score', () => {
    expect(detectLegacyEncoding('Hello 123')).toEqual({
      encoding: 'unicode',
      score: 1,
      counts: { words: 0, unicode: 0, tcvn3: 0, vni: 0 },
    });
    const tcvn3 = detectLegacyEncoding('Céng hoµ x· héi');
    expect(tcvn3.counts).toMatchObject({ words: 4, tcvn3: 4, unicode: 0 });
    expect(tcvn3.score).toBe(1);
  });

  it('needs more than one legacy-looking word', () => {
    expect(detectLegacyEncoding('Céng').encoding).toBe('unicode');
  });
});

describe('decodeLegacy and fixLegacyEncoding', () => {
  it('detects then decodes', () => {
    expect(fixLegacyEncoding(encodeVni(PARAGRAPH))).toMatchObject({ text: PARAGRAPH, encoding: 'vni' });
    expect(fixLegacyEncoding(encodeTcvn3(PARAGRAPH))).toMatchObject({ text: PARAGRAPH, encoding: 'tcvn3' });
    expect(fixLegacyEncoding(PARAGRAPH.normalize('NFD'))).toMatchObject({
      text: PARAGRAPH,
      encoding: 'unicode',
    });
  });

  it('only normalises unicode', () => {
    expect(decodeLegacy('Việt'.normalize('NFD'), 'unicode')).toBe('Việt');
  });
});
