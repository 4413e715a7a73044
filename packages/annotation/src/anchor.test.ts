import { correct, reviseCorrection } from '@sohoa/correct';
import { describe, expect, it } from 'vitest';
import { anchor, moveThroughEdit, reanchorNotes, resolve, type Span, selectorsByKind } from './anchor.js';
import { isAnnotationError } from './errors.js';
import type { Note, Selector } from './schema.js';
import { indexText } from './text.js';

// A plan as OCR reads it (written for these tests): "CO'" for "cơ", "ƯBND" for "UBND"; two
// pages; one phrase twice with different surroundings.
const OCR = [
  'ỦY BAN NHÂN DÂN TỈNH AN HÒA',
  'Số: 15/KH-ƯBND',
  'KẾ HOẠCH',
  'Triển khai công tác bảo vệ môi trường năm 2025',
  'I. MỤC ĐÍCH, YÊU CẦU',
  "1. Nâng cao chất lượng quản lý tài nguyên; CO' sở dữ liệu đất đai được cập nhật thường xuyên.",
  '2. Sở Tài nguyên và Môi trường chủ trì, phối hợp với các sở, ngành liên quan rà soát các điểm ô nhiễm.',
  '\f',
  'II. NHIỆM VỤ CỤ THỂ',
  '1. Sở Công Thương phối hợp với các sở, ngành liên quan kiểm tra các cơ sở sản xuất trước ngày 30/6/2025.',
  '2. Ủy ban nhân dân các huyện, thị xã, thành phố bố trí kinh phí thực hiện kế hoạch này.',
  '3. Báo cáo kết quả về Sở Tài nguyên và Môi trường trước ngày 15/12/2025.',
].join('\n');

const corrected = correct(OCR);
const LOOKALIKE = corrected.corrections.findIndex((c) => c.original === "CO'");
const TWICE = 'phối hợp với các sở, ngành liên quan';

/** The span of the `nth` occurrence of `quote` in `text`. */
function spanOf(text: string, quote: string, nth = 0): Span {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = text.indexOf(quote, at + 1);
    if (at < 0) throw new Error(`"${quote}" #${nth} not in the text`);
  }
  return { start: at, end: at + quote.length };
}

function note(id: string, selector: Selector[]): Note {
  return {
    id,
    body: 'Cần kiểm tra lại với bản gốc.',
    created: '2025-03-04T08:00:00.000Z',
    modified: '2025-03-04T08:00:00.000Z',
    target: { source: 'ke-hoach-15.pdf', selector },
  };
}

function thrown(run: () => unknown): unknown {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('the fixture', () => {
  it('is what the tests rely on', () => {
    expect(LOOKALIKE).toBeGreaterThanOrEqual(0);
    expect(corrected.text).toContain('cơ sở dữ liệu đất đai');
    expect(corrected.text).toContain('15/KH-UBND');
    expect(corrected.text.split(TWICE)).toHaveLength(3);
  });
});

describe('anchor', () => {
  const text = corrected.text;

  it('quotes the passage with 32 characters either side, its code point position and its page', () => {
    const span = spanOf(text, 'bố trí kinh phí');
    const [quote, position, page] = anchor(text, span);
    expect(quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'bố trí kinh phí',
      prefix: text.slice(span.start - 32, span.start),
      suffix: text.slice(span.end, span.end + 32),
    });
    expect(quote).toMatchObject({ prefix: 'ân các huyện, thị xã, thành phố ' });
    expect(position).toEqual({ type: 'TextPositionSelector', start: span.start, end: span.end });
    expect(page).toEqual({ type: 'PageSelector', page: 2 });
  });

  it('cuts the context at the ends of the text, and counts page 1 before the first form feed', () => {
    const first = anchor(text, spanOf(text, 'ỦY BAN'));
    expect(first[0]).toMatchObject({ prefix: '', suffix: ' NHÂN DÂN TỈNH AN HÒA\nSố: 15/KH-' });
    expect(first[2]).toEqual({ type: 'PageSelector', page: 1 });
    const last = anchor(text, { start: text.length - 6, end: text.length });
    expect(last[0]).toMatchObject({ exact: '/2025.', suffix: '' });
  });

  it('keeps a box and checks it', () => {
    const span = spanOf(text, TWICE, 1);
    expect(anchor(text, span, { box: { x: 120, y: 840, w: 1500, h: 62 } })[2]).toEqual({
      type: 'PageSelector',
      page: 2,
      box: { x: 120, y: 840, w: 1500, h: 62 },
    });
    const error = thrown(() => anchor(text, span, { box: { x: 1.5, y: 0, w: 10, h: 0 } }));
    expect(isAnnotationError(error) && error.code).toBe('invalid-selectors');
  });

  it('throws invalid-span for a span outside the text, inverted or empty', () => {
    for (const span of [
      { start: -1, end: 3 },
      { start: 5, end: 5 },
      { start: 9, end: 4 },
      { start: 0, end: text.length + 1 },
      { start: 0.5, end: 3 },
    ]) {
      const error = thrown(() => anchor(text, span));
      expect(isAnnotationError(error) && error.code).toBe('invalid-span');
    }
  });
});

describe('resolve after a reviewer reverts a correction', () => {
  const before = corrected;
  const after = reviseCorrection(before, LOOKALIKE, { kind: 'revert' });

  it('(the revert puts three characters back where two were)', () => {
    expect(after.text).toContain("CO' sở dữ liệu");
    expect(after.edit.text.length - (after.edit.end - after.edit.start)).toBe(1);
  });

  it('finds a note whose quote contains the correction, approximately', () => {
    const selectors = anchor(before.text, spanOf(before.text, 'cơ sở dữ liệu đất đai'));
    const found = resolve(after.text, selectors);
    expect(found).not.toBeNull();
    expect(after.text.slice(found!.start, found!.end)).toBe("CO' sở dữ liệu đất đai");
    expect(found!.exact).toBe(false);
    // And back: accepting again finds it exactly where it was.
    const again = reviseCorrection(after, LOOKALIKE, { kind: 'accept' });
    expect(again.text).toBe(before.text);
    expect(resolve(again.text, selectors)).toEqual({
      ...spanOf(before.text, 'cơ sở dữ liệu đất đai'),
      exact: true,
    });
  });

  it('finds a note before the correction where it was, and one after it moved by one', () => {
    const early = spanOf(before.text, 'Triển khai công tác bảo vệ môi trường');
    const late = spanOf(before.text, 'bố trí kinh phí thực hiện kế hoạch này');
    expect(resolve(after.text, anchor(before.text, early))).toEqual({ ...early, exact: true });
    expect(resolve(after.text, anchor(before.text, late))).toEqual({
      start: late.start + 1,
      end: late.end + 1,
      exact: true,
    });
  });

  it('tells an identical quote elsewhere apart by its context, even when the position points at the other', () => {
    const second = spanOf(before.text, TWICE, 1);
    const selectors = anchor(before.text, second);
    expect(resolve(after.text, selectors)).toEqual({ ...spanOf(after.text, TWICE, 1), exact: true });
    // A stale position on the first occurrence: context outweighs position.
    const first = spanOf(after.text, TWICE, 0);
    const stale = selectors.map((s) =>
      s.type === 'TextPositionSelector' ? { ...s, start: first.start, end: first.end } : s,
    );
    expect(resolve(after.text, stale)).toEqual({ ...spanOf(after.text, TWICE, 1), exact: true });
    const firstSelectors = anchor(before.text, spanOf(before.text, TWICE, 0));
    expect(resolve(after.text, firstSelectors)).toEqual({ ...first, exact: true });
  });

  it('gives null for a deleted passage, and still finds its neighbours', () => {
    const sentence =
      '2. Ủy ban nhân dân các huyện, thị xã, thành phố bố trí kinh phí thực hiện kế hoạch này.\n';
    const cut = after.text.replace(sentence, '');
    expect(cut).not.toBe(after.text);
    expect(
      resolve(cut, anchor(before.text, spanOf(before.text, 'bố trí kinh phí thực hiện kế hoạch này'))),
    ).toBeNull();
    expect(resolve(cut, anchor(before.text, spanOf(before.text, 'huyện, thị xã, thành phố')))).toBeNull();
    const next = 'Báo cáo kết quả về Sở Tài nguyên';
    expect(resolve(cut, anchor(before.text, spanOf(before.text, next)))).toEqual({
      ...spanOf(cut, next),
      exact: true,
    });
  });

  it('does not take a near-identical sentence with other numbers for a deleted one', () => {
    const text = [
      'Các đơn vị gửi báo cáo 6 tháng về Sở Tài chính trước ngày 15/6/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
      'Các đơn vị gửi báo cáo năm về Sở Tài chính trước ngày 15/12/2025 để tổng hợp, báo cáo Ủy ban nhân dân tỉnh.',
      'Giao Sở Tài chính theo dõi, đôn đốc việc thực hiện.',
    ].join('\n');
    const quote = 'về Sở Tài chính trước ngày 15/12/2025';
    const selectors = anchor(text, spanOf(text, quote));
    const lines = text.split('\n');
    expect(resolve([lines[0], lines[2]].join('\n'), selectors)).toBeNull();
    // The same passage with a letter changed, numbers kept, is still found.
    const changed = text.replace('Sở Tài chính trước ngày 15/12', 'Sở Tài chinh trước ngày 15/12');
    const found = resolve(changed, selectors);
    expect(found && changed.slice(found.start, found.end)).toBe('về Sở Tài chinh trước ngày 15/12/2025');
  });

  it('finds a note on a document number after its correction is reverted', () => {
    const docIndex = before.corrections.findIndex((c) => c.reason === 'docnumber');
    const reverted = reviseCorrection(before, docIndex, { kind: 'revert' });
    const found = resolve(reverted.text, anchor(before.text, spanOf(before.text, 'Số: 15/KH-UBND')));
    expect(found && reverted.text.slice(found.start, found.end)).toBe('Số: 15/KH-ƯBND');
  });

  it('finds a long quote found once even when its surroundings were rewritten', () => {
    const quote = 'bố trí kinh phí thực hiện kế hoạch này';
    expect(quote.length).toBeGreaterThanOrEqual(32);
    const selectors = anchor(before.text, spanOf(before.text, quote));
    const rewritten = `Phụ lục kèm theo.\nĐề nghị các địa phương ${quote} từ nguồn ngân sách năm 2025.`;
    expect(resolve(rewritten, selectors)).toEqual({ ...spanOf(rewritten, quote), exact: true });
    // Found twice with neither context: which one is unknowable.
    expect(resolve(`${rewritten}\n${rewritten}`, selectors)).toBeNull();
  });

  it('gives null for a short quote that is still in the text but lost all its context', () => {
    // "cơ sở" occurs elsewhere ("các cơ sở sản xuất"): a short quote there is chance, not the note.
    const selectors = anchor(before.text, spanOf(before.text, 'cơ sở dữ liệu'));
    const rewritten = after.text.replace(
      "quản lý tài nguyên; CO' sở dữ liệu đất đai được cập nhật",
      'số hóa hồ sơ',
    );
    expect(resolve(rewritten, selectors)).toBeNull();
  });
});

describe('resolve: Unicode forms', () => {
  const text = corrected.text;
  const nfd = text.normalize('NFD');

  it('NFD puts the dot below before the circumflex (canonical order), and NFC undoes either order', () => {
    expect('ộ'.normalize('NFD')).toBe('o\u0323\u0302');
    expect('o\u0302\u0323'.normalize('NFC')).toBe('ộ');
    expect(nfd.length).toBeGreaterThan(text.length);
  });

  it('anchors NFD text as the same selectors as its NFC form', () => {
    const quote = 'Ủy ban nhân dân các huyện';
    const inNfd = spanOf(nfd, quote.normalize('NFD'));
    expect(anchor(nfd, inNfd)).toEqual(anchor(text, spanOf(text, quote)));
  });

  it('resolves NFC selectors in NFD text to NFD offsets, and the reverse', () => {
    const quote = 'Sở Tài nguyên và Môi trường chủ trì';
    const found = resolve(nfd, anchor(text, spanOf(text, quote)));
    expect(found).toEqual({ ...spanOf(nfd, quote.normalize('NFD')), exact: true });
    expect(resolve(text, anchor(nfd, spanOf(nfd, quote.normalize('NFD'))))).toEqual({
      ...spanOf(text, quote),
      exact: true,
    });
  });

  it('finds a quote in text whose marks are in non-canonical order (circumflex before dot below)', () => {
    const quote = 'Cộng hòa xã hội chủ nghĩa';
    const odd = `${text}\nCo\u0302\u0323ng hòa xã hội chủ nghĩa Việt Nam.`;
    const tidy = `${text}\n${quote} Việt Nam.`;
    const found = resolve(odd, anchor(tidy, spanOf(tidy, quote)));
    expect(found).not.toBeNull();
    expect(odd.slice(found!.start, found!.end).normalize('NFC')).toBe(quote);
    expect(found!.exact).toBe(true);
  });

  it('never cuts a letter from its marks: a span inside a decomposed letter widens to the letter', () => {
    const at = nfd.indexOf('ve\u0323\u0302'); // "vệ" of "bảo vệ môi trường"
    expect(at).toBeGreaterThan(0);
    const [quote] = anchor(nfd, { start: at + 2, end: at + 3 });
    expect(quote).toMatchObject({ exact: 'ệ' });
    const [word] = anchor(nfd, { start: at, end: at + 2 });
    expect(word).toMatchObject({ exact: 'vệ' });
  });

  it('counts positions in code points: a Hán-Nôm character outside the BMP is one', () => {
    const nom = `Chữ 𡨸 Nôm trong văn bản cổ.\n${text}`;
    const span = spanOf(nom, 'Triển khai công tác');
    const selectors = anchor(nom, span);
    expect(selectorsByKind(selectors).position).toEqual({
      type: 'TextPositionSelector',
      start: span.start - 1,
      end: span.end - 1,
    });
    expect(resolve(nom, selectors)).toEqual({ ...span, exact: true });
    const [quote] = anchor(nom, { start: 4, end: 5 }); // half of 𡨸
    expect(quote).toMatchObject({ exact: '𡨸' });
  });
});

describe('resolve: inputs', () => {
  it('throws invalid-selectors without a quote', () => {
    const error = thrown(() => resolve('văn bản', [{ type: 'TextPositionSelector', start: 0, end: 3 }]));
    expect(isAnnotationError(error) && error.code).toBe('invalid-selectors');
  });

  it('uses the page as the hint when there is no position', () => {
    const text = 'Báo cáo định kỳ.\n\f\nBáo cáo định kỳ.\n\f\nBáo cáo định kỳ.';
    const page3: Selector[] = [
      { type: 'TextQuoteSelector', exact: 'Báo cáo định kỳ.', prefix: '', suffix: '' },
      { type: 'PageSelector', page: 3 },
    ];
    expect(resolve(text, page3)).toEqual({ start: 38, end: 54, exact: true });
  });

  it('takes a prepared text and gives the same answers', () => {
    const ix = indexText(corrected.text);
    const selectors = anchor(ix, spanOf(corrected.text, TWICE, 1));
    expect(resolve(ix, selectors)).toEqual(resolve(corrected.text, selectors));
  });
});

describe('moveThroughEdit', () => {
  const span = { start: 10, end: 20 };
  const cases: [string, { start: number; end: number; text: string }, Span | null][] = [
    ['before: shifts', { start: 2, end: 4, text: 'abc' }, { start: 11, end: 21 }],
    ['ending at the start: shifts', { start: 8, end: 10, text: '' }, { start: 8, end: 18 }],
    ['inserted at the start: goes before', { start: 10, end: 10, text: 'xy' }, { start: 12, end: 22 }],
    ['after: stays', { start: 25, end: 30, text: '' }, { start: 10, end: 20 }],
    ['inserted at the end: goes after', { start: 20, end: 20, text: 'xy' }, { start: 10, end: 20 }],
    ['inside: the span grows', { start: 12, end: 14, text: 'abc' }, { start: 10, end: 21 }],
    [
      'the whole span replaced: it covers the replacement',
      { start: 10, end: 20, text: 'abc' },
      { start: 10, end: 13 },
    ],
    ['the whole span removed: gone', { start: 10, end: 20, text: '' }, null],
    ['across the start: re-resolve', { start: 8, end: 12, text: 'x' }, null],
    ['across the end: re-resolve', { start: 18, end: 22, text: 'x' }, null],
  ];
  for (const [name, edit, expected] of cases) {
    it(name, () => expect(moveThroughEdit(span, edit)).toEqual(expected));
  }

  it('throws invalid-span for an inverted edit', () => {
    const error = thrown(() => moveThroughEdit(span, { start: 5, end: 3, text: '' }));
    expect(isAnnotationError(error) && error.code).toBe('invalid-span');
  });
});

describe('reanchorNotes', () => {
  const before = corrected;
  const after = reviseCorrection(before, LOOKALIKE, { kind: 'revert' });
  const notes = [
    note('on-word', anchor(before.text, spanOf(before.text, 'cơ'))),
    note('around', anchor(before.text, spanOf(before.text, 'cơ sở dữ liệu đất đai'))),
    note(
      'later',
      anchor(before.text, spanOf(before.text, TWICE, 1), { box: { x: 10, y: 20, w: 30, h: 40 } }),
    ),
  ];

  it('carries notes through the edit and re-anchors them on the new text', () => {
    const out = reanchorNotes(notes, after.text, { before: before.text, edit: after.edit });
    const [onWord, around, later] = out;
    // A note on exactly the corrected word follows it: no search could (3 edits in 2 characters).
    expect(resolve(after.text, notes[0]!.target.selector)).toBeNull();
    expect(after.text.slice(onWord!.span!.start, onWord!.span!.end)).toBe("CO'");
    expect(selectorsByKind(onWord!.note.target.selector).quote.exact).toBe("CO'");
    expect(after.text.slice(around!.span!.start, around!.span!.end)).toBe("CO' sở dữ liệu đất đai");
    expect(around!.span!.exact).toBe(false);
    expect(later!.span).toEqual({ ...spanOf(after.text, TWICE, 1), exact: true });
    expect(selectorsByKind(later!.note.target.selector).page).toEqual({
      type: 'PageSelector',
      page: 2,
      box: { x: 10, y: 20, w: 30, h: 40 },
    });
    expect(later!.note.modified).toBe(notes[2]!.modified);
    // Re-anchored notes resolve at once (position) in the new text.
    for (const r of out)
      expect(resolve(after.text, r.note.target.selector)).toEqual(r.span && { ...r.span, exact: true });
  });

  it('without the edit, resolves each note in the new text; an orphan keeps its selectors', () => {
    const gone = after.text.replace('cơ sở sản xuất', 'doanh nghiệp');
    const orphan = note('orphan', anchor(before.text, spanOf(before.text, 'các cơ sở sản xuất trước ngày')));
    const [r] = reanchorNotes([orphan], gone);
    expect(r).toEqual({ note: orphan, span: null });
  });
});
