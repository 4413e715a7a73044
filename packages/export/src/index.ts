import type { DigitisedDocument } from './document.js';
import { toAlto } from './formats/alto.js';
import { type CsvOptions, toCsv } from './formats/csv.js';
import { type DocxOptions, toDocx } from './formats/docx.js';
import { toHocr } from './formats/hocr.js';
import { type HtmlOptions, toHtml } from './formats/html.js';
import { type IcsOptions, toIcs } from './formats/ics.js';
import { type JsonOptions, toJson } from './formats/json.js';
import { type MarkdownOptions, toMarkdown } from './formats/markdown.js';
import { type SearchablePdfOptions, toSearchablePdf } from './formats/pdf.js';
import { toText } from './formats/txt.js';

export {
  type DigitisedDocument,
  type DocumentMessage,
  MESSAGE_SOURCE_VI,
  type MessageSource,
} from './document.js';
// Formats: those made from the document's text and plan, and those made from the OCR geometry (alto, hocr,
// pdf, with the corrected words in that geometry from geometry/). One sorted list, as biome wants it.
export { toAlto } from './formats/alto.js';
export { CSV_COLUMNS, type CsvColumn, type CsvOptions, taskRows, toCsv } from './formats/csv.js';
export { type DocxOptions, toDocx } from './formats/docx.js';
export { toHocr, uncorrected } from './formats/hocr.js';
export { type HtmlOptions, sanitizeAndStringify, toHast, toHtml } from './formats/html.js';
export { type IcsOptions, shorten, taskTodos, taskUid, toIcs } from './formats/ics.js';
export { type JsonOptions, toJson } from './formats/json.js';
export { type MarkdownOptions, toMarkdown, toMdast } from './formats/markdown.js';
export {
  type InputFormat,
  SearchablePdfError,
  type SearchablePdfOptions,
  toSearchablePdf,
} from './formats/pdf.js';
export { toText } from './formats/txt.js';
export {
  type CorrectedBlock,
  type CorrectedLayout,
  type CorrectedLine,
  type CorrectedPage,
  type CorrectedWord,
  correctedLayout,
  GeometryError,
} from './geometry/index.js';
export { annotatedText, correctionTitle, REASON_VI } from './html/annotate.js';
export { htmlSchema } from './html/schema.js';
export { DocumentJson, DocumentMessageSchema, documentJsonSchema } from './json-schema.js';
export { locate, locateTasks, pageAt, type Span, taskPage } from './locate.js';
export { type Day, deadlineVi, dueDay, periodBounds, periodVi, recurrenceVi } from './when.js';

/** What a format is, for file names, downloads and HTTP responses. */
export interface FormatInfo {
  /** File extension without the dot. */
  extension: string;
  /** MIME type of the output. */
  mediaType: string;
  /** Bytes (`Uint8Array`) rather than a string. */
  binary: boolean;
}

type Output = string | Uint8Array;
interface FormatEntry<Options, Result extends Output> extends FormatInfo {
  render: (doc: DigitisedDocument, options?: Options) => Result | Promise<Result>;
}
const entry = <Options, Result extends Output>(e: FormatEntry<Options, Result>) => e;

/** The formats made from the document's text and plan. */
const documentFormats = {
  json: entry<JsonOptions, string>({
    extension: 'json',
    mediaType: 'application/json',
    binary: false,
    render: toJson,
  }),
  md: entry<MarkdownOptions, string>({
    extension: 'md',
    mediaType: 'text/markdown',
    binary: false,
    render: toMarkdown,
  }),
  html: entry<HtmlOptions, string>({
    extension: 'html',
    mediaType: 'text/html',
    binary: false,
    render: toHtml,
  }),
  csv: entry<CsvOptions, string>({ extension: 'csv', mediaType: 'text/csv', binary: false, render: toCsv }),
  ics: entry<IcsOptions, string>({
    extension: 'ics',
    mediaType: 'text/calendar',
    binary: false,
    render: toIcs,
  }),
  docx: entry<DocxOptions, Uint8Array>({
    extension: 'docx',
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    binary: true,
    render: toDocx,
  }),
  txt: entry<undefined, string>({ extension: 'txt', mediaType: 'text/plain', binary: false, render: toText }),
};

/**
 * The formats made from the OCR geometry: they throw a `GeometryError` for a document without it (a
 * plain-text input). The searchable PDF needs the input's bytes (`{ original, format }`).
 */
const geometryFormats = {
  hocr: entry<undefined, string>({
    extension: 'hocr',
    mediaType: 'application/xhtml+xml',
    binary: false,
    render: toHocr,
  }),
  alto: entry<undefined, string>({
    // ALTO has no registered media type: generic XML.
    extension: 'alto.xml',
    mediaType: 'application/xml',
    binary: false,
    render: toAlto,
  }),
  pdf: entry<SearchablePdfOptions, Uint8Array>({
    extension: 'pdf',
    mediaType: 'application/pdf',
    binary: true,
    // The table's renderers take optional options; this one cannot do without the input's bytes.
    render: (doc, options) => {
      if (!options) throw new TypeError('the pdf format needs the input: { original, format }');
      return toSearchablePdf(doc, options);
    },
  }),
};

/** Every export format by name: extension, MIME type, binary or text, and its renderer. */
export const formats = { ...documentFormats, ...geometryFormats };

export type ExportFormat = keyof typeof formats;
type Entry<F extends ExportFormat> = (typeof formats)[F];
/** The options a format takes. */
export type RenderOptions<F extends ExportFormat> = Parameters<Entry<F>['render']>[1];
/** What a format gives: a string, or bytes for binary formats. */
export type RenderResult<F extends ExportFormat> = Awaited<ReturnType<Entry<F>['render']>>;

/** Every format name, in table order. */
export const exportFormats = Object.keys(formats) as ExportFormat[];

export function isExportFormat(name: string): name is ExportFormat {
  return Object.hasOwn(formats, name);
}

/** Render a document in one format (a string, or bytes for binary formats such as docx). */
export async function render<F extends ExportFormat>(
  doc: DigitisedDocument,
  format: F,
  options?: RenderOptions<F>,
): Promise<RenderResult<F>> {
  if (!isExportFormat(format)) throw new TypeError(`unknown export format: ${String(format)}`);
  const { render: run } = formats[format] as FormatEntry<RenderOptions<F>, RenderResult<F>>;
  return run(doc, options);
}
