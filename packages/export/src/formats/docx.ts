import type { PlanSection } from '@sohoa/model';
import {
  AlignmentType,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { DigitisedDocument } from '../document.js';
import { deadlineVi, recurrenceVi } from '../when.js';

/*
 * The plan as a Word document people can edit and forward: a Title, the trích yếu, the header facts, a
 * real heading style (Heading1…Heading6) per section at its depth so Word's navigation pane and table
 * of contents mirror the section tree, bulleted paragraphs as list paragraphs (nested as the document
 * nests its markers), the closing parts, and the task table (header row repeated on every page).
 * Built with `docx`; `Packer.toArrayBuffer` works in browsers and Node.
 */

export interface DocxOptions {
  /** Body font (default Times New Roman, the font of Vietnamese administrative documents). */
  font?: string;
}

type Level = 0 | 1 | 2 | 3 | 4 | 5;
const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** A bullet as the plan keeps it (marker, then words or numbers), as the model's mdast bridge reads it. */
const BULLET = /^([-+*•–—―])\s*(?![-+*•–—―\s])(?=.*[\p{L}\p{N}])/u;

/**
 * Paragraphs, bulleted runs as list paragraphs: a marker not seen yet in the run goes one level deeper
 * (`-` then `+` is how documents nest), a marker seen before goes back to its level.
 */
function paragraphs(texts: readonly string[]): Paragraph[] {
  let markers: string[] = [];
  return texts.map((text) => {
    const bullet = BULLET.exec(text);
    if (!bullet) {
      markers = [];
      return new Paragraph({ text });
    }
    const marker = bullet[1] as string;
    let level = markers.indexOf(marker);
    if (level < 0) {
      markers.push(marker);
      level = markers.length - 1;
    } else markers = markers.slice(0, level + 1);
    return new Paragraph({ text: text.slice(bullet[0].length), bullet: { level: Math.min(level, 8) } });
  });
}

function sections(nodes: readonly PlanSection[], level: number): Paragraph[] {
  return nodes.flatMap((node) => [
    new Paragraph({
      heading: HEADINGS[Math.min(level, 5) as Level],
      text: node.heading ? `${node.number} ${node.heading}` : node.number,
    }),
    ...paragraphs(node.paragraphs),
    ...sections(node.children, level + 1),
  ]);
}

const cell = (text: string, header = false) =>
  new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold: header })] })] });

function taskTable(doc: DigitisedDocument): Table {
  const head = ['STT', 'Mục', 'Nhiệm vụ', 'Chủ trì', 'Phối hợp', 'Thời hạn'];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: head.map((label) => cell(label, true)) }),
      ...doc.plan.tasks.map(
        (task, i) =>
          new TableRow({
            children: [
              cell(String(i + 1)),
              cell(task.section),
              cell(task.text),
              cell(task.lead ?? ''),
              cell(task.coordinators.join('; ')),
              cell([deadlineVi(task.deadline), recurrenceVi(task.recurrence)].filter(Boolean).join('; ')),
            ],
          }),
      ),
    ],
  });
}

const labelled = (label: string, value: string) =>
  new Paragraph({ children: [new TextRun({ text: `${label}: `, bold: true }), new TextRun(value)] });

/** The plan as a .docx file (Office Open XML). */
export async function toDocx(doc: DigitisedDocument, options: DocxOptions = {}): Promise<Uint8Array> {
  const { plan } = doc;
  const title = plan.title ?? plan.docType.label;
  const children: (Paragraph | Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, text: title }),
  ];
  if (plan.summary) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ text: plan.summary, bold: true })],
      }),
    );
  }
  if (plan.issuer.name) children.push(labelled('Cơ quan ban hành', plan.issuer.name));
  if (plan.number) children.push(labelled('Số, ký hiệu', plan.number.raw));
  if (plan.date)
    children.push(labelled('Ngày ban hành', [plan.place, plan.date.raw].filter(Boolean).join(', ')));
  children.push(...paragraphs(plan.preamble), ...sections(plan.sections, 0), ...paragraphs(plan.closing));
  if (plan.recipients.length > 0) {
    children.push(new Paragraph({ children: [new TextRun({ text: 'Nơi nhận:', bold: true })] }));
    for (const r of plan.recipients) {
      children.push(
        new Paragraph({ text: `${r.name}${r.marker ? ` (${r.marker})` : ''}`, bullet: { level: 0 } }),
      );
    }
  }
  if (plan.signature) {
    children.push(
      new Paragraph({
        alignment: AlignmentType.RIGHT,
        children: plan.signature.lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0 })),
      }),
    );
  }
  for (const appendix of plan.appendices) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: appendix.title }));
    if (appendix.note)
      children.push(new Paragraph({ children: [new TextRun({ text: appendix.note, italics: true })] }));
    children.push(...paragraphs(appendix.paragraphs), ...sections(appendix.sections, 1));
  }
  for (const note of plan.footnotes) children.push(new Paragraph({ text: `[${note.mark}] ${note.text}` }));
  if (plan.tasks.length > 0) {
    children.push(new Paragraph({ heading: HeadingLevel.HEADING_1, text: 'Nhiệm vụ' }), taskTable(doc));
  }
  const file = new Document({
    creator: 'sohoa',
    title: [title, plan.number?.raw].filter(Boolean).join(' '),
    description: `Số hóa từ ${doc.source}`,
    styles: {
      default: {
        document: {
          run: { font: options.font ?? 'Times New Roman', size: 26, language: { value: 'vi-VN' } },
        },
      },
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toArrayBuffer(file));
}
