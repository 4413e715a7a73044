import type { Correction, CorrectionReason } from '@sohoa/model';
import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import type { DigitisedDocument } from '../document.js';
import { lineStarts, locate, locateTasks, type Span } from '../locate.js';
import { dayIso, deadlineVi, dueDay } from '../when.js';
import { type Mark, nestMarks } from './nest.js';

/*
 * The corrected text as hast, marked: every correction (applied: <ins>, suggested: <mark>, a deletion:
 * <del> holding what was removed) with the original, the replacement, the alternatives, the reason and
 * the confidence in its title; tasks, their lead, coordinators, deadline and recurrence, targets and
 * cited documents as classed spans. Strings of the plan are found in the text (see locate.ts); one not
 * found is simply not marked (the task table still lists it).
 */

export const REASON_VI: Record<CorrectionReason, string> = {
  unicode: 'chuẩn hóa Unicode',
  'tone-style': 'kiểu đặt dấu thanh',
  lookalike: 'ký tự giống nhau',
  tone: 'dấu thanh',
  mark: 'dấu mũ, dấu móc, chữ đ',
  letter: 'chữ cái nhận sai',
  join: 'nối âm tiết bị tách',
  split: 'tách từ bị dính',
  acronym: 'chữ viết tắt',
  case: 'chữ hoa, chữ thường',
  heading: 'số đề mục',
  docnumber: 'số, ký hiệu văn bản',
  punctuation: 'dấu câu',
  junk: 'ký tự thừa',
};

/** Confidence bands of the page's colours. */
export function band(confidence: number): 'c-high' | 'c-mid' | 'c-low' {
  return confidence >= 0.9 ? 'c-high' : confidence >= 0.6 ? 'c-mid' : 'c-low';
}

const percent = (x: number) => `${(x * 100).toFixed(1).replace('.', ',')}%`;

/** The hover text of a correction, in Vietnamese. */
export function correctionTitle(c: Correction): string {
  const head = c.applied
    ? `Đã sửa «${c.original}» thành «${c.replacement}»`
    : `Đề xuất sửa «${c.original}» thành «${c.replacement}» (chưa áp dụng)`;
  const others = c.alternatives
    .filter((a) => a.text !== c.replacement)
    .map((a) => `«${a.text}» ${percent(a.confidence)}`);
  return [
    head,
    `Lý do: ${REASON_VI[c.reason]}`,
    `Độ tin cậy: ${percent(c.confidence)}`,
    ...(others.length > 0 ? [`Phương án khác: ${others.join(', ')}`] : []),
  ].join('\n');
}

function correctionMark(c: Correction, index: number): Mark {
  const deleted = c.outputStart === c.outputEnd;
  const tag = deleted ? 'del' : c.applied ? 'ins' : 'mark';
  const props = {
    className: ['corr', c.applied ? 'applied' : 'suggested', band(c.confidence), `r-${c.reason}`],
    title: correctionTitle(c),
    dataOriginal: c.original,
    dataReplacement: c.replacement,
    dataReason: c.reason,
    dataConfidence: String(c.confidence),
    dataApplied: String(c.applied),
    // Which record of `corrections` this is, so a viewer can revert or accept it.
    dataCorrection: String(index),
  };
  return {
    start: c.outputStart,
    end: c.outputEnd,
    rank: 9,
    make: (children) => h(tag, props, children),
    empty: [{ type: 'text', value: c.original }],
  };
}

const span = (start: number, end: number, rank: number, make: Mark['make']): Mark => ({
  start,
  end,
  rank,
  make,
});

/** Marks of the plan's items: tasks (and what is inside them), targets, cited documents. */
function planMarks(doc: DigitisedDocument, taskSpans: readonly (Span | null)[]): Mark[] {
  const { text, plan } = doc;
  const starts = lineStarts(text);
  const marks: Mark[] = [];
  plan.tasks.forEach((task, i) => {
    const at = taskSpans[i];
    if (!at) return;
    const id = `sohoa-task-${i + 1}`;
    marks.push(
      span(at.start, at.end, 0, (children, piece) =>
        h(
          'span',
          {
            className: ['k-task'],
            id: piece === 0 ? id : undefined,
            dataTask: String(i + 1),
            dataSection: task.section,
          },
          children,
        ),
      ),
    );
    const inside = (needle: string | null | undefined, rank: number, make: Mark['make']) => {
      if (!needle) return;
      const found = locate(text, needle, { within: at });
      if (found) marks.push(span(found.start, found.end, rank, make));
    };
    inside(task.lead, 3, (c) => h('span', { className: ['k-lead'], title: 'Cơ quan chủ trì' }, c));
    for (const body of task.coordinators) {
      inside(body, 3, (c) => h('span', { className: ['k-coordinator'], title: 'Cơ quan phối hợp' }, c));
    }
    if (task.deadline) {
      const due = dueDay(task.deadline);
      const title = `Thời hạn: ${deadlineVi(task.deadline)}`;
      inside(task.deadline.raw, 4, (c) =>
        h(
          'span',
          {
            className: ['k-deadline'],
            title,
            dataDue: due ? dayIso(due) : undefined,
            dataDeadline: task.deadline?.iso ?? undefined,
          },
          c,
        ),
      );
    }
    if (task.recurrence && !task.deadline?.raw.includes(task.recurrence.raw)) {
      inside(task.recurrence.raw, 4, (c) => h('span', { className: ['k-recurrence'], title: 'Định kỳ' }, c));
    }
  });
  for (const target of plan.targets) {
    const at = locate(text, target.text, { nearLine: target.line, starts });
    if (at)
      marks.push(
        span(at.start, at.end, 1, (c) => h('span', { className: ['k-target'], title: 'Chỉ tiêu' }, c)),
      );
  }
  for (const reference of plan.references) {
    const at = locate(text, reference.text, { nearLine: reference.line, starts });
    if (at) {
      marks.push(
        span(at.start, at.end, 2, (c) =>
          h('cite', { className: ['k-reference'], title: 'Văn bản được dẫn' }, c),
        ),
      );
    }
  }
  return marks;
}

/** The `div.doc-text` of the page. */
export function annotatedText(
  doc: DigitisedDocument,
  taskSpans = locateTasks(doc.text, doc.plan.tasks),
): Element {
  const marks = [...planMarks(doc, taskSpans), ...doc.corrections.map((c, i) => correctionMark(c, i))];
  // Called in text order (nestMarks renders depth first, left to right): form feeds become page
  // separators, their number shown by the CSS.
  let page = 1;
  const plain = (value: string): ElementContent[] => {
    const out: ElementContent[] = [];
    const parts = value.split('\f');
    parts.forEach((part, i) => {
      if (i > 0) out.push(h('span', { className: ['page-break'], dataPage: String(++page) }));
      if (part) out.push({ type: 'text', value: part });
    });
    return out;
  };
  return h('div', { className: ['doc-text'], lang: 'vi' }, nestMarks(doc.text, marks, plain));
}
