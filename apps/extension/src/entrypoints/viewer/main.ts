import {
  correctedLayout,
  type DigitisedDocument,
  type ExportFormat,
  exportFormats,
  formats,
  locate,
  REASON_VI,
  type Span,
} from '@sohoa/export';
import type { CorrectionReason, OcrPage, PlanTask } from '@sohoa/model';
import { sniffInput } from '@sohoa/ocr/sniff';
import {
  editTask as editDocumentTask,
  reviseDocument as reviseDocumentCorrection,
  type TaskEdit,
} from 'sohoa';
import { browser } from 'wxt/browser';
import { offsetOf, rangeOf, type TextIndex } from '../../lib/dom-offsets';
import { documentBaseName, exportFileName, safeFileName } from '../../lib/file-names';
import { localise, translate } from '../../lib/i18n';
import { LoadError, type LoadedDocument, openUrl, readPickedFile } from '../../lib/load-document';
import type { MessageKey } from '../../lib/messages';
import { type Note, newNote, notesToJsonLd, placeNotes } from '../../lib/notes';
import { type PipelineProgress, startPipeline } from '../../lib/pipeline';
import { type UiLanguage, uiLanguage } from '../../lib/settings';
import { documentId, openDocumentStore, type StoredDocument } from '../../lib/store';
import { fileFromLocation, isOpenableUrl } from '../../lib/viewer-url';
import { renderNotes } from './notes-view';
import { boxOfSelection, drawTextLayer, type PageFigure, showImage, showPdfPages } from './pages-view';
import { renderTasks, updateTaskRow } from './tasks-view';
import {
  type CorrectionChoice,
  hideCard,
  renderAnnotatedText,
  renderProvisional,
  showCorrectionCard,
} from './text-view';

/*
 * The viewer: opens a document (?file=URL, ?doc=stored id, a picked or dropped file), shows its pages,
 * runs the pipeline page by page with visible progress, then shows the corrected text with its marks,
 * the task table, notes and messages. All the work is the packages' (sohoa, @sohoa/export,
 * @sohoa/annotation); this file wires the page together and keeps the state in IndexedDB.
 */

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const ui = {
  title: $('doc-title'),
  status: $('sohoa-status'),
  progress: $<HTMLProgressElement>('progress'),
  openFile: $<HTMLButtonElement>('open-file'),
  fileInput: $<HTMLInputElement>('file-input'),
  downloadOriginal: $<HTMLButtonElement>('download-original'),
  exportFormat: $<HTMLSelectElement>('export-format'),
  exportButton: $<HTMLButtonElement>('export'),
  language: $<HTMLSelectElement>('language'),
  fileAccess: $('file-access'),
  dropZone: $('drop-zone'),
  pages: $('pages'),
  text: $('sohoa-text'),
  addNote: $<HTMLButtonElement>('add-note'),
  tasks: $<HTMLTableElement>('tasks').tBodies[0] as HTMLTableSectionElement,
  notes: $<HTMLOListElement>('notes'),
  exportNotes: $<HTMLButtonElement>('export-notes'),
  messages: $<HTMLUListElement>('messages'),
  popover: $('correction-popover'),
  noteDialog: $<HTMLDialogElement>('note-dialog'),
  noteQuote: $('note-quote'),
  noteBody: $<HTMLTextAreaElement>('note-body'),
};

const store = openDocumentStore();
let language: UiLanguage = 'vi';
const tr = (key: MessageKey, ...args: (string | number)[]) => translate(language, key, ...args);

interface State {
  record: StoredDocument;
  doc?: DigitisedDocument;
  index?: TextIndex;
  figures: PageFigure[];
  notes: Note[];
}
let state: State | undefined;

function setStatus(state: 'idle' | 'working' | 'done' | 'error', message: string): void {
  ui.status.dataset.state = state;
  ui.status.textContent = message;
}

function setProgress(done: number, total: number): void {
  ui.progress.hidden = total === 0;
  ui.progress.max = Math.max(1, total);
  ui.progress.value = done;
}

// ---------------------------------------------------------------------------------------------------
// Opening

async function openFromLocation(): Promise<void> {
  const file = fileFromLocation(location.search, location.hash);
  const stored = new URLSearchParams(location.search).get('doc');
  if (file) {
    ui.dropZone.hidden = true;
    if (!isOpenableUrl(file)) {
      setStatus('error', tr('statusError', tr('notOpenable')));
      ui.dropZone.hidden = false;
      return;
    }
    // Inside a frame (a web page embedding a PDF, or a page framing the viewer) nothing is fetched or
    // read until the user asks for it.
    if (window.top !== window) await userConsents();
    setStatus('working', tr('statusLoading'));
    try {
      await open(
        await openUrl(file, { fileAccessAllowed: () => browser.extension.isAllowedFileSchemeAccess() }),
      );
    } catch (error) {
      if (!(error instanceof LoadError && error.code === 'file-access')) throw error;
      // Say how to allow it, and offer the file picker meanwhile.
      ui.fileAccess.hidden = false;
      ui.dropZone.hidden = false;
      setStatus('error', tr('statusError', tr('fileAccess')));
    }
  } else if (stored) {
    const record = await store.load(stored);
    if (!record) {
      setStatus('error', tr('statusError', tr('notStored')));
      ui.dropZone.hidden = false;
      return;
    }
    await openRecord({ ...record, opened: Date.now() });
  } else {
    setStatus('idle', tr('statusIdle'));
  }
}

/** A button in place of the drop zone; resolves when it is pressed. */
function userConsents(): Promise<void> {
  return new Promise((resolve) => {
    ui.dropZone.hidden = false;
    ui.dropZone.textContent = tr('confirmDigitise');
    setStatus('idle', tr('confirmDigitise'));
    ui.dropZone.addEventListener(
      'click',
      (event) => {
        event.stopImmediatePropagation();
        ui.dropZone.hidden = true;
        resolve();
      },
      { once: true, capture: true },
    );
  });
}

/** A file picked or dropped: kept, then opened on a page of its own (the one in progress stops). */
async function openPicked(file: File): Promise<void> {
  const loaded = await readPickedFile(file);
  const id = await documentId(loaded.bytes);
  const existing = await store.load(id);
  await store.save(existing ? { ...existing, opened: Date.now() } : newRecord(id, loaded));
  location.assign(`?doc=${id}`);
}

function newRecord(id: string, loaded: LoadedDocument): StoredDocument {
  return {
    id,
    name: loaded.name,
    ...(loaded.url ? { url: loaded.url } : {}),
    bytes: loaded.bytes,
    pages: [],
    notes: [],
    opened: Date.now(),
  };
}

async function open(loaded: LoadedDocument): Promise<void> {
  const id = await documentId(loaded.bytes);
  const existing = await store.load(id);
  const record: StoredDocument = existing
    ? { ...existing, opened: Date.now(), ...(loaded.url ? { url: loaded.url } : {}) }
    : newRecord(id, loaded);
  await store.save(record);
  await openRecord(record);
}

async function openRecord(record: StoredDocument): Promise<void> {
  ui.dropZone.hidden = true;
  ui.title.textContent = record.name;
  document.title = `${record.name} — sohoa`;
  ui.downloadOriginal.hidden = false;
  state = {
    record,
    figures: [],
    notes: record.notes as Note[],
  };
  const format = sniffInput(record.bytes)?.format;
  ui.pages.replaceChildren();
  const label = (n: number) => tr('page', n);
  // The pages are drawn while the worker reads them: neither waits for the other.
  const drawn =
    format === 'pdf'
      ? showPdfPages(ui.pages, record.bytes, label).catch(() => [])
      : Promise.resolve(
          format && format !== 'tiff' ? showImage(ui.pages, record.bytes, `image/${format}`, label(1)) : [],
        );
  const current = state;
  // The text layers go over the pages once both are there; the text does not wait for the drawing
  // (pdf.js may draw late in a background tab).
  void drawn.then((figures) => {
    current.figures = figures;
    if (current.doc) drawTextLayers(current.doc);
  });
  show(record.document ?? (await run(record)));
}

async function run(record: StoredDocument): Promise<DigitisedDocument> {
  const known = new Map<number, OcrPage>(record.pages.map((p) => [p.number, p]));
  ui.text.dataset.resumedPages = String(known.size);
  if (known.size > 0) setStatus('working', tr('statusResumed', known.size + 1));
  const provisional = new Map<number, string>();
  const onProgress = (p: PipelineProgress) => {
    if (p.stage === 'ocr' && p.page && p.pages) {
      // Pages are read two at a time and finish in any order: count them, do not name the last.
      provisional.set(p.page, p.correctedText ?? p.ocrPage?.text ?? '');
      setStatus('working', tr('statusOcr', provisional.size, p.pages));
      setProgress(provisional.size, p.pages);
      if (p.ocrPage && !p.known) store.savePage(record.id, p.ocrPage, p.pages).catch(() => {});
      renderProvisional(ui.text, provisional);
      ui.text.dataset.pagesDone = String(provisional.size);
    } else if (p.stage === 'correct') setStatus('working', tr('statusCorrect'));
    else if (p.stage === 'parse') setStatus('working', tr('statusParse'));
  };
  const digitised = await startPipeline().digitise(
    record.name,
    record.bytes,
    [...known.values()],
    onProgress,
  );
  // The pages were written one by one meanwhile: keep them in the final record.
  const latest = await store.load(record.id);
  record.pages = latest?.pages ?? record.pages;
  record.document = digitised;
  await store.save(record);
  return digitised;
}

// ---------------------------------------------------------------------------------------------------
// Showing

function show(doc: DigitisedDocument): void {
  if (!state) return;
  state.doc = doc;
  state.index = renderAnnotatedText(ui.text, doc);
  state.notes = placeNotes(state.notes, doc.text);
  renderNotesPanel();
  renderTasks(ui.tasks, doc, {
    empty: tr('noTasks'),
    cellLabel,
    edited: editedRows(doc),
    onEdit: (i, patch) => void guarded(() => editTask(i, patch)),
  });
  renderMessages(doc);
  drawTextLayers(doc);
  setProgress(0, 0);
  ui.exportFormat.disabled = false;
  ui.exportButton.disabled = false;
  ui.exportNotes.disabled = state.notes.length === 0;
  setStatus(
    'done',
    tr(
      'statusDone',
      doc.ocr?.pages.length ?? 1,
      doc.corrections.filter((c) => c.applied).length,
      doc.plan.tasks.length,
    ),
  );
}

function drawTextLayers(doc: DigitisedDocument): void {
  if (!doc.ocr || !state || state.figures.length === 0) return;
  try {
    const layout = correctedLayout(doc);
    for (const page of layout.pages) {
      const figure = state.figures.find((f) => f.number === page.number);
      if (figure) drawTextLayer(figure, page);
    }
  } catch {
    // No word positions (a text input): the scan has no text layer, the text column still has it all.
  }
}

function renderMessages(doc: DigitisedDocument): void {
  ui.messages.replaceChildren(
    ...doc.messages.map((m) => {
      const li = document.createElement('li');
      li.className = `m-${m.severity}`;
      li.textContent = m.line ? `${tr('line', m.line)}: ${m.reason}` : m.reason;
      return li;
    }),
  );
}

function renderNotesPanel(): void {
  if (!state) return;
  renderNotes(ui.notes, state.notes, {
    empty: tr('noNotes'),
    lost: tr('noteLost'),
    remove: tr('noteDelete'),
    onSelect: (note) => focusSpan(note.placed),
    onDelete: async (note) => {
      if (!state) return;
      state.notes = state.notes.filter((n) => n.id !== note.id);
      await saveNotes();
      renderNotesPanel();
    },
  });
  const ranges = state.notes
    .map((n) =>
      n.placed && state?.index ? rangeOf(state.index, n.placed.start, n.placed.end, document) : null,
    )
    .filter((r): r is Range => r !== null);
  CSS.highlights?.set('sohoa-notes', new Highlight(...ranges));
  ui.exportNotes.disabled = state.notes.length === 0;
}

function focusSpan(span: { start: number; end: number } | null | undefined): void {
  if (!span || !state?.index) return;
  const range = rangeOf(state.index, span.start, span.end, document);
  if (!range) return;
  CSS.highlights?.set('sohoa-focus', new Highlight(range));
  (range.startContainer.parentElement ?? ui.text).scrollIntoView({ block: 'center', behavior: 'smooth' });
}

// ---------------------------------------------------------------------------------------------------
// Editing: corrections, tasks, notes

async function persist(doc: DigitisedDocument): Promise<void> {
  if (!state) return;
  state.record.document = doc;
  state.record.notes = state.notes;
  await store.save(state.record);
}

async function chooseCorrection(index: number, choice: CorrectionChoice): Promise<void> {
  if (!state?.doc) return;
  hideCard(ui.popover);
  // The plan is read again from the new text; the user's task edits are put back on it.
  let next = reviseDocumentCorrection(state.doc, index, choice);
  const edits = state.record.taskEdits ?? {};
  next.plan.tasks.forEach((task, i) => {
    const edit = edits[taskKey(task)];
    if (edit) next = editDocumentTask(next, i, edit);
  });
  show(next);
  await persist(next);
  ui.text.querySelector<HTMLElement>(`.corr[data-correction="${index}"]`)?.focus();
}

const COLUMN: Record<keyof TaskEdit, MessageKey> = {
  text: 'colTask',
  lead: 'colLead',
  coordinators: 'colCoordinators',
  deadline: 'colDeadline',
};
const cellLabel = (field: keyof TaskEdit, row: number) => `${tr(COLUMN[field])}, ${tr('colTask')} ${row}`;

/**
 * A task's identity across re-readings of the plan: its section and line. Neither a correction inside
 * the task nor the reviewer's edits change them, while its index may shift when the plan is re-read.
 */
const taskKey = (task: PlanTask) => `${task.section}@${task.line ?? task.text}`;

function editedRows(doc: DigitisedDocument): Set<number> {
  const edits = state?.record.taskEdits ?? {};
  return new Set(doc.plan.tasks.flatMap((task, i) => (edits[taskKey(task)] ? [i] : [])));
}

async function editTask(index: number, patch: TaskEdit): Promise<void> {
  if (!state?.doc) return;
  const task = state.doc.plan.tasks[index];
  if (!task) return;
  const key = taskKey(task);
  const edits = state.record.taskEdits ?? {};
  state.record.taskEdits = { ...edits, [key]: { ...edits[key], ...patch } };
  const next = editDocumentTask(state.doc, index, patch);
  state.doc = next;
  // Only the edited row changes: the cell the user moves to keeps its focus.
  updateTaskRow(ui.tasks, next, index);
  await persist(next);
}

async function saveNotes(): Promise<void> {
  if (!state) return;
  state.record.notes = state.notes;
  await store.save(state.record);
}

/** The selection as a span of the text: in the text column directly, on a scan through its quote. */
function selectedSpan(): {
  start: number;
  end: number;
  page?: number;
  box?: { x: number; y: number; w: number; h: number };
} | null {
  const selection = getSelection();
  if (!selection || selection.isCollapsed || !state?.index || !state.doc) return null;
  const range = selection.getRangeAt(0);
  if (ui.text.contains(range.commonAncestorContainer)) {
    const start = offsetOf(state.index, range.startContainer, range.startOffset);
    const end = offsetOf(state.index, range.endContainer, range.endOffset);
    if (start === null || end === null || end <= start) return null;
    return { start, end };
  }
  const figure = state.figures.find((f) => f.layer.contains(range.commonAncestorContainer));
  const page = figure && state.doc.ocr?.pages.find((p) => p.number === figure.number);
  if (!figure || !page) return null;
  const quote = selection.toString().replace(/\s+/g, ' ').trim();
  const found = findQuoteOnPage(state.doc.text, quote, figure.number);
  if (!found) return null;
  return { ...found, page: figure.number, box: boxOfSelection(figure, range, page) };
}

/** A quote selected on a scan, found from the start of its page on (any whitespace between its words). */
function findQuoteOnPage(text: string, quote: string, page: number): Span | null {
  let pageStart = 0;
  for (let p = 1; p < page; p++) pageStart = text.indexOf('\f', pageStart) + 1;
  return locate(text, quote, { within: { start: Math.max(0, pageStart), end: text.length } });
}

function openNoteDialog(): void {
  const span = selectedSpan();
  if (!span || !state?.doc) return;
  const doc = state.doc;
  ui.noteQuote.textContent = doc.text.slice(span.start, span.end);
  ui.noteBody.value = '';
  ui.noteDialog.returnValue = '';
  ui.noteDialog.showModal();
  ui.noteDialog.addEventListener(
    'close',
    async () => {
      if (ui.noteDialog.returnValue !== 'save' || !state || !ui.noteBody.value.trim()) return;
      state.notes = [...state.notes, newNote(doc, span, ui.noteBody.value.trim())];
      await saveNotes();
      renderNotesPanel();
    },
    { once: true },
  );
}

// ---------------------------------------------------------------------------------------------------
// Exports

function download(name: string, data: string | Uint8Array, mediaType: string): void {
  // Excel reads CSV as Vietnamese only with a BOM; the CSV export starts with one already.
  const blob = new Blob([data as BlobPart], { type: mediaType });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 60_000);
}

async function exportDocument(): Promise<void> {
  if (!state?.doc) return;
  const format = ui.exportFormat.value as ExportFormat;
  const data = await startPipeline().render(state.doc, format, state.record.bytes);
  const base = documentBaseName(state.doc.plan, state.record.name);
  const part = format === 'csv' || format === 'ics' ? tr('tasksFile') : undefined;
  download(exportFileName(base, formats[format].extension, part), data, formats[format].mediaType);
}

function exportNotes(): void {
  if (!state?.doc) return;
  const base = documentBaseName(state.doc.plan, state.record.name);
  const json = notesToJsonLd(state.notes, state.record.url ?? state.record.name);
  download(exportFileName(base, 'jsonld', tr('notesFile')), json, 'application/ld+json');
}

// ---------------------------------------------------------------------------------------------------
// Wiring

function correctionElements(): HTMLElement[] {
  return [...ui.text.querySelectorAll<HTMLElement>('.corr[data-correction]')];
}

let cardAnchor: HTMLElement | undefined;

function openCard(el: HTMLElement): void {
  cardAnchor = el;
  if (!state?.doc) return;
  const index = Number(el.dataset.correction);
  const correction = state.doc.corrections[index];
  if (!correction) return;
  showCorrectionCard(
    ui.popover,
    el,
    correction,
    {
      applied: (o, r) => tr('correctionApplied', o, r),
      suggested: (o, r) => tr('correctionSuggested', o, r),
      revert: (o) => tr('revert', o),
      accept: (t) => tr('accept', t),
      confidence: (p) => tr('confidence', p),
      reason: () => REASON_VI[el.dataset.reason as CorrectionReason] ?? el.dataset.reason ?? '',
      close: tr('close'),
    },
    (choice) => void guarded(() => chooseCorrection(index, choice)),
  );
}

function moveFocus(step: 1 | -1): void {
  const marks = correctionElements();
  if (marks.length === 0) return;
  const current = marks.indexOf(document.activeElement as HTMLElement);
  const next = marks[(current + step + marks.length) % marks.length];
  next?.focus();
  next?.scrollIntoView({ block: 'center' });
}

function wire(): void {
  ui.exportFormat.replaceChildren(
    ...exportFormats.map((f) => {
      const option = document.createElement('option');
      option.value = f;
      option.textContent = f === 'alto' ? 'ALTO XML' : f.toUpperCase();
      return option;
    }),
  );
  ui.exportFormat.value = 'csv';
  ui.openFile.addEventListener('click', () => ui.fileInput.click());
  ui.fileInput.addEventListener('change', async () => {
    const file = ui.fileInput.files?.[0];
    if (file) await guarded(() => openPicked(file));
  });
  ui.dropZone.addEventListener('dragover', (e) => {
    e.preventDefault();
    ui.dropZone.classList.add('over');
  });
  ui.dropZone.addEventListener('dragleave', () => ui.dropZone.classList.remove('over'));
  ui.dropZone.addEventListener('drop', async (e) => {
    e.preventDefault();
    ui.dropZone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) await guarded(() => openPicked(file));
  });
  ui.dropZone.addEventListener('click', () => ui.fileInput.click());
  // The bytes that were read, not a second fetch: the URL may be single-use, signed or a POST's answer.
  ui.downloadOriginal.addEventListener('click', () => {
    if (state) download(safeFileName(state.record.name), state.record.bytes, 'application/octet-stream');
  });
  ui.exportButton.addEventListener('click', () => void guarded(exportDocument));
  ui.exportNotes.addEventListener('click', () => void guarded(async () => exportNotes()));
  ui.addNote.addEventListener('click', openNoteDialog);
  document.addEventListener('selectionchange', () => {
    ui.addNote.disabled = !state?.doc || !selectedSpan();
  });
  ui.text.addEventListener('click', (e) => {
    const el = (e.target as HTMLElement).closest<HTMLElement>('.corr[data-correction]');
    if (el && getSelection()?.isCollapsed !== false) openCard(el);
  });
  ui.language.addEventListener('change', async () => {
    await uiLanguage.setValue(ui.language.value as UiLanguage);
    location.reload();
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target as HTMLElement;
    if (
      target.isContentEditable ||
      /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName) ||
      e.ctrlKey ||
      e.metaKey ||
      e.altKey
    )
      return;
    if (e.key === 'Escape') hideCard(ui.popover, cardAnchor);
    else if (e.key === 'n') moveFocus(1);
    else if (e.key === 'p') moveFocus(-1);
    else if (e.key === 'e' && !ui.exportButton.disabled) void guarded(exportDocument);
    else if ((e.key === 'a' || e.key === 'r') && target.matches('.corr[data-correction]')) {
      const index = Number(target.dataset.correction);
      const applied = target.dataset.applied === 'true';
      if (e.key === 'r' && applied) void guarded(() => chooseCorrection(index, { kind: 'revert' }));
      if (e.key === 'a' && !applied) void guarded(() => chooseCorrection(index, { kind: 'accept' }));
    } else if ((e.key === 'Enter' || e.key === ' ') && target.matches('.corr[data-correction]')) {
      // Focus moves into the card: without this the same Enter would press its first button.
      e.preventDefault();
      openCard(target);
    }
  });
}

async function guarded(work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = error instanceof LoadError || error instanceof Error ? error.message : String(error);
    setStatus('error', tr('statusError', message));
    setProgress(0, 0);
  }
}

async function main(): Promise<void> {
  language = await uiLanguage.getValue();
  ui.language.value = language;
  localise(document, language);
  wire();
  await guarded(openFromLocation);
}

void main();
