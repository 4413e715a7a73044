import type { DigitisedDocument } from '@sohoa/export';
import type { OcrPage } from '@sohoa/model';
import { createStore, del, delMany, get, getMany, set, type UseStore, update } from 'idb-keyval';
import type { TaskEdit } from 'sohoa';

/*
 * What the extension keeps, all in this browser's IndexedDB (through idb-keyval), nothing elsewhere:
 * each document's bytes (so reopening needs no network), the OCR pages read so far (so an interrupted
 * run resumes at the next page), the finished document with the user's edits, and their notes.
 * A small index of recent documents is kept apart so the list loads without the bytes.
 */

export interface StoredDocument {
  /** SHA-256 of the bytes: the same file opened from anywhere is the same record. */
  id: string;
  name: string;
  url?: string;
  bytes: Uint8Array;
  /** OCR pages read so far, by page number. */
  pages: OcrPage[];
  pageCount?: number;
  /** The finished document, with reverted or accepted corrections and task edits applied. */
  document?: DigitisedDocument;
  /** The user's notes (W3C Web Annotation shaped, see @sohoa/annotation). */
  notes: unknown[];
  /** The user's edits of task cells, by task (section and line): applied again after the plan is re-read. */
  taskEdits?: Record<string, TaskEdit>;
  opened: number;
}

export interface RecentEntry {
  id: string;
  name: string;
  url?: string;
  pageCount?: number;
  done: boolean;
  opened: number;
}

const RECENT_KEY = 'recent';
export const MAX_RECENT = 30;

export interface DocumentStore {
  load(id: string): Promise<StoredDocument | undefined>;
  save(doc: StoredDocument): Promise<void>;
  /** Add one OCR page to a record as soon as it is read. */
  savePage(id: string, page: OcrPage, pageCount: number): Promise<void>;
  recent(): Promise<RecentEntry[]>;
  remove(id: string): Promise<void>;
}

export function openDocumentStore(name = 'sohoa'): DocumentStore {
  const docs: UseStore = createStore(`${name}-documents`, 'documents');
  const meta: UseStore = createStore(`${name}-meta`, 'meta');

  async function touch(doc: StoredDocument): Promise<void> {
    let dropped: string[] = [];
    await update<RecentEntry[]>(
      RECENT_KEY,
      (list = []) => {
        const entry: RecentEntry = {
          id: doc.id,
          name: doc.name,
          ...(doc.url ? { url: doc.url } : {}),
          ...(doc.pageCount !== undefined ? { pageCount: doc.pageCount } : {}),
          done: doc.document !== undefined,
          opened: doc.opened,
        };
        const all = [entry, ...list.filter((e) => e.id !== doc.id)];
        dropped = all.slice(MAX_RECENT).map((e) => e.id);
        return all.slice(0, MAX_RECENT);
      },
      meta,
    );
    // What falls off the list is deleted: the browser keeps at most MAX_RECENT documents.
    if (dropped.length > 0) await delMany(dropped, docs);
  }

  return {
    load: (id) => get<StoredDocument>(id, docs),
    async save(doc) {
      await set(doc.id, doc, docs);
      await touch(doc);
    },
    async savePage(id, page, pageCount) {
      await update<StoredDocument | undefined>(
        id,
        (doc) => {
          if (!doc) return doc;
          const pages = [...doc.pages.filter((p) => p.number !== page.number), page];
          return { ...doc, pages: pages.sort((a, b) => a.number - b.number), pageCount };
        },
        docs,
      );
    },
    async recent() {
      const [list] = await getMany<RecentEntry[] | undefined>([RECENT_KEY], meta);
      return list ?? [];
    },
    async remove(id) {
      await del(id, docs);
      await update<RecentEntry[]>(RECENT_KEY, (list = []) => list.filter((e) => e.id !== id), meta);
    },
  };
}

/** The record id of a file's bytes: SHA-256, hex. */
export async function documentId(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}
