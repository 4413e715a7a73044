// The README's Use example, run as written (rules-only correction instead of the bundled LM).
import { correct, reviseCorrection } from '@sohoa/correct';
import { expect, it } from 'vitest';
import { anchor, type Note, reanchorNotes, resolve } from './index.js';
import { fromWebAnnotations, toWebAnnotations } from './web-annotation.js';

it('the README example works', () => {
  const ocrText =
    "1. Nâng cao chất lượng quản lý tài nguyên; CO' sở dữ liệu đất đai được cập nhật thường xuyên.";
  let result = correct(ocrText);
  const start = result.text.indexOf('cơ sở dữ liệu đất đai');
  const note: Note = {
    id: crypto.randomUUID(),
    body: 'Đối chiếu với bản giấy.',
    created: new Date().toISOString(),
    modified: new Date().toISOString(),
    target: {
      source: 'file:///ho-so/ke-hoach-15.pdf',
      selector: anchor(result.text, { start, end: start + 21 }, { box: { x: 412, y: 1630, w: 690, h: 48 } }),
    },
  };
  const revised = reviseCorrection(result, 0, { kind: 'revert' });
  const { note: moved, span } = reanchorNotes([note], revised.text, {
    before: result.text,
    edit: revised.edit,
  })[0]!;
  expect(revised.text.slice(span!.start, span!.end)).toBe("CO' sở dữ liệu đất đai");
  result = revised;
  expect(resolve(result.text, moved.target.selector)).toEqual({ ...span!, exact: true });
  const json = JSON.stringify(toWebAnnotations([moved], { source: 'file:///ho-so/ke-hoach-15.pdf' }));
  expect(fromWebAnnotations(JSON.parse(json))).toEqual([moved]);
});
