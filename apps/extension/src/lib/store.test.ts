import 'fake-indexeddb/auto';
import type { OcrPage } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import { documentId, MAX_RECENT, openDocumentStore, type StoredDocument } from './store';

const page = (number: number): OcrPage => ({
  number,
  width: 100,
  height: 100,
  dpi: 300,
  source: 'ocr',
  confidence: 90,
  blocks: [],
  text: `trang ${number}`,
});

function record(id: string, name: string): StoredDocument {
  return { id, name, bytes: new Uint8Array([1, 2, 3]), pages: [], notes: [], opened: Date.now() };
}

describe('document store (IndexedDB)', () => {
  it('keeps pages as they are read, so a run resumes after the last one', async () => {
    const store = openDocumentStore(`t-${Math.random()}`);
    await store.save(record('a', 'Kế hoạch.pdf'));
    await store.savePage('a', page(2), 3);
    await store.savePage('a', page(1), 3);
    await store.savePage('a', page(2), 3); // read again: replaced, not doubled
    const back = await store.load('a');
    expect(back?.pages.map((p) => p.number)).toEqual([1, 2]);
    expect(back?.pageCount).toBe(3);
    expect(back?.bytes).toEqual(new Uint8Array([1, 2, 3]));
  });
  it('lists recent documents, latest first, without their bytes, and forgets removed ones', async () => {
    const store = openDocumentStore(`t-${Math.random()}`);
    await store.save({ ...record('a', 'a.pdf'), opened: 1 });
    await store.save({ ...record('b', 'b.pdf'), opened: 2 });
    await store.save({ ...record('a', 'a.pdf'), opened: 3 });
    const recent = await store.recent();
    expect(recent.map((e) => e.id)).toEqual(['a', 'b']);
    expect(recent[0]).not.toHaveProperty('bytes');
    await store.remove('a');
    expect((await store.recent()).map((e) => e.id)).toEqual(['b']);
    expect(await store.load('a')).toBeUndefined();
  });
  it('names a record by the SHA-256 of its bytes', async () => {
    expect(await documentId(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });

  it('keeps at most MAX_RECENT documents: one falling off the list is deleted, bytes and all', async () => {
    const store = openDocumentStore(`t-${Math.random()}`);
    for (let i = 0; i <= MAX_RECENT; i++) await store.save({ ...record(`d${i}`, `${i}.pdf`), opened: i });
    expect(await store.recent()).toHaveLength(MAX_RECENT);
    expect(await store.load('d0')).toBeUndefined();
    expect(await store.load(`d${MAX_RECENT}`)).toBeDefined();
  });
});
