import type { Plan } from '@sohoa/model';
import type { Element, ElementContent, Root } from 'hast';
import { h } from 'hastscript';
import rehypeSanitize from 'rehype-sanitize';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import { type DigitisedDocument, type DocumentMessage, MESSAGE_SOURCE_VI } from '../document.js';
import { annotatedText, band } from '../html/annotate.js';
import { htmlSchema } from '../html/schema.js';
import { PAGE_CSS } from '../html/style.js';
import { locateTasks } from '../locate.js';
import { deadlineVi, recurrenceVi } from '../when.js';

/*
 * One standalone, offline HTML page for reviewing a digitised document: the corrected text with every
 * correction and every task, lead, deadline, target and cited document marked; the task table; the
 * messages at the side. Built as a hast tree (hastscript) where every string of the document is a text
 * node or an attribute value, then sanitised (rehype-sanitize, last before serialising) and serialised
 * (rehype-stringify). Inline CSS only: no script, no external resource.
 */

export interface HtmlOptions {
  /** The page's <title> (default: the plan's title and number, else the source). */
  title?: string;
}

const SEVERITY_VI: Record<DocumentMessage['severity'], string> = {
  error: 'Lỗi',
  warning: 'Cảnh báo',
  info: 'Thông tin',
};

function facts(doc: DigitisedDocument): Element {
  const { plan } = doc;
  const rows: [string, string | null][] = [
    ['Loại văn bản', plan.docType.label],
    ['Cơ quan ban hành', plan.issuer.name],
    ['Số, ký hiệu', plan.number?.raw ?? null],
    ['Ngày ban hành', plan.date ? [plan.place, plan.date.raw].filter(Boolean).join(', ') : null],
    ['Tệp nguồn', doc.source],
    ['Số trang', doc.ocr ? String(doc.ocr.pages.length) : null],
  ];
  return h(
    'dl',
    { className: ['facts'] },
    rows.filter(([, v]) => v).flatMap(([label, value]) => [h('dt', label), h('dd', value as string)]),
  );
}

function legend(doc: DigitisedDocument): Element {
  const applied = doc.corrections.filter((c) => c.applied).length;
  const suggested = doc.corrections.length - applied;
  return h('p', { className: ['legend'] }, [
    h('span', `Đã sửa: ${applied}; đề xuất: ${suggested}.`),
    h('ins', { className: ['corr', 'c-high'] }, 'tin cậy cao'),
    h('ins', { className: ['corr', 'c-mid'] }, 'trung bình'),
    h('ins', { className: ['corr', 'c-low'] }, 'thấp'),
    h('mark', { className: ['corr', 'c-mid'] }, 'đề xuất chưa áp dụng'),
    h('span', { className: ['k-task'] }, 'nhiệm vụ'),
    h('span', { className: ['k-lead'] }, 'chủ trì'),
    h('span', { className: ['k-deadline'] }, 'thời hạn'),
    h('span', { className: ['k-target'] }, 'chỉ tiêu'),
    h('cite', { className: ['k-reference'] }, 'văn bản dẫn'),
  ]);
}

function taskTable(plan: Plan, found: readonly boolean[]): Element {
  const head = ['STT', 'Mục', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn'];
  const rows = plan.tasks.map((task, i) => {
    const n = String(i + 1);
    const when = [deadlineVi(task.deadline), recurrenceVi(task.recurrence)].filter(Boolean).join('; ');
    return h('tr', { dataTask: n, dataSection: task.section }, [
      h('td', found[i] ? h('a', { href: `#sohoa-task-${n}` }, n) : n),
      h('td', task.section),
      h('td', task.text),
      h('td', { className: ['k-lead'] }, task.lead ?? ''),
      h('td', task.coordinators.join('; ')),
      h('td', { className: ['k-deadline'], title: task.deadline?.raw }, when),
    ]);
  });
  return h('table', [
    h(
      'thead',
      h(
        'tr',
        head.map((label) => h('th', { scope: 'col' }, label)),
      ),
    ),
    h('tbody', rows),
  ]);
}

function messageList(messages: readonly DocumentMessage[]): ElementContent[] {
  if (messages.length === 0) return [h('p', 'Không có thông báo.')];
  return [
    h(
      'ul',
      { className: ['messages'] },
      messages.map((m) =>
        h(
          'li',
          {
            className: [`m-${m.severity}`],
            dataSeverity: m.severity,
            dataRule: m.ruleId,
            dataLine: m.line?.toString(),
          },
          [
            h('strong', `${SEVERITY_VI[m.severity]}: `),
            m.reason,
            h('br'),
            h('small', [
              h('code', m.ruleId),
              ` — ${MESSAGE_SOURCE_VI[m.source]}${m.line ? `, dòng ${m.line}` : ''}`,
            ]),
          ],
        ),
      ),
    ),
  ];
}

/** The page as a hast tree, before sanitising (for rehype plugins); `toHtml` sanitises and serialises it. */
export function toHast(doc: DigitisedDocument, options: HtmlOptions = {}): Root {
  const { plan } = doc;
  const heading = plan.title ?? plan.docType.label;
  const title = options.title ?? ([heading, plan.number?.raw].filter(Boolean).join(' ') || doc.source);
  const spans = locateTasks(doc.text, plan.tasks);
  const suggestions = doc.corrections.filter((c) => !c.applied);
  return {
    type: 'root',
    children: [
      { type: 'doctype' },
      h('html', { lang: 'vi' }, [
        h('head', [
          h('meta', { charSet: 'utf-8' }),
          h('meta', { name: 'viewport', content: 'width=device-width, initial-scale=1' }),
          h('meta', { name: 'generator', content: 'sohoa' }),
          h('title', title),
        ]),
        h('body', [
          h('header', { className: ['page-header'] }, [
            h('h1', heading),
            ...(plan.summary ? [h('p', h('strong', plan.summary))] : []),
            facts(doc),
          ]),
          h('main', { className: ['layout'] }, [
            h('article', { className: ['text'] }, [
              h('h2', 'Văn bản đã sửa lỗi'),
              legend(doc),
              annotatedText(doc, spans),
            ]),
            h('aside', { className: ['side'] }, [
              h('h2', `Thông báo (${doc.messages.length})`),
              ...messageList(doc.messages),
              h('h2', `Đề xuất chưa áp dụng (${suggestions.length})`),
              h(
                'ul',
                { className: ['messages'] },
                suggestions.map((c) =>
                  h('li', { className: [band(c.confidence)] }, [
                    `«${c.original}» → «${c.replacement}»`,
                    h('small', ` (dòng ${c.line}, ${(c.confidence * 100).toFixed(0)}%)`),
                  ]),
                ),
              ),
            ]),
            h('section', { className: ['tasks'] }, [
              h('h2', `Nhiệm vụ (${plan.tasks.length})`),
              taskTable(
                plan,
                spans.map((s) => s !== null),
              ),
            ]),
          ]),
        ]),
      ]),
    ],
  };
}

/** Sanitise (the export's schema) and serialise a page tree: the last steps of `toHtml`. */
export function sanitizeAndStringify(tree: Root, css?: string): string {
  const processor = unified().use(rehypeSanitize, htmlSchema).use(rehypeStringify);
  const clean = processor.runSync(tree) as Root;
  // The page's own constant style sheet goes in after sanitising: the schema allows no <style>
  // at all, so nothing from a document can smuggle CSS (an @import, a url()) into the page.
  if (css) {
    const html = clean.children.find((n) => n.type === 'element' && n.tagName === 'html');
    const head =
      html?.type === 'element'
        ? html.children.find((n) => n.type === 'element' && n.tagName === 'head')
        : undefined;
    if (head?.type === 'element') head.children.push(h('style', css));
  }
  return `${processor.stringify(clean)}\n`;
}

/** One standalone, sanitised HTML page (UTF-8, lang="vi", inline CSS, no script). */
export function toHtml(doc: DigitisedDocument, options: HtmlOptions = {}): string {
  return sanitizeAndStringify(toHast(doc, options), PAGE_CSS);
}
