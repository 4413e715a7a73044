import { browser } from 'wxt/browser';
import { extensionUrl } from '../../lib/extension-url';
import { localise, translate } from '../../lib/i18n';
import { readPickedFile } from '../../lib/load-document';
import { interceptPdfs, type UiLanguage, uiLanguage } from '../../lib/settings';
import { documentId, openDocumentStore } from '../../lib/store';
import { viewerPath } from '../../lib/viewer-url';

/*
 * The side panel: drop or pick a file (kept in IndexedDB, then opened in the viewer, which does the
 * work: a side panel is too narrow for pages and text side by side), recent documents, and the two
 * settings. Nothing here leaves the browser.
 */

const store = openDocumentStore();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const dropZone = $('drop-zone');
const fileInput = $<HTMLInputElement>('file-input');
const errorLine = $('error');

const viewerUrl = (query = '') => extensionUrl(`${viewerPath()}${query}`);

async function openFile(file: File): Promise<void> {
  try {
    const loaded = await readPickedFile(file);
    const id = await documentId(loaded.bytes);
    const existing = await store.load(id);
    await store.save(
      existing ?? { id, name: loaded.name, bytes: loaded.bytes, pages: [], notes: [], opened: Date.now() },
    );
    await browser.tabs.create({ url: viewerUrl(`?doc=${id}`) });
  } catch (error) {
    errorLine.hidden = false;
    errorLine.textContent = (error as Error).message;
  }
}

let language: UiLanguage = 'vi';

async function showRecent(): Promise<void> {
  const list = $('recent');
  const entries = await store.recent();
  list.replaceChildren(
    ...entries.map((entry) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = viewerUrl(`?doc=${entry.id}`);
      a.target = '_blank';
      a.textContent = entry.name;
      const when = document.createElement('small');
      when.textContent = new Date(entry.opened).toLocaleString(document.documentElement.lang);
      // Forget a document: its bytes, pages, edits and notes leave the browser's storage.
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.dataset.i18n = 'noteDelete';
      remove.textContent = translate(language, 'noteDelete');
      remove.setAttribute('aria-label', `${translate(language, 'noteDelete')} ${entry.name}`);
      remove.addEventListener('click', async () => {
        await store.remove(entry.id);
        await showRecent();
      });
      li.append(a, when, remove);
      return li;
    }),
  );
  if (entries.length === 0) {
    const li = document.createElement('li');
    li.dataset.i18n = 'noRecent';
    list.append(li);
  }
}

async function main(): Promise<void> {
  language = await uiLanguage.getValue();
  await showRecent();
  localise(document, language);
  const intercept = $<HTMLInputElement>('intercept');
  intercept.checked = await interceptPdfs.getValue();
  intercept.addEventListener('change', () => void interceptPdfs.setValue(intercept.checked));
  const select = $<HTMLSelectElement>('language');
  select.value = language;
  select.addEventListener('change', async () => {
    language = select.value as UiLanguage;
    await uiLanguage.setValue(language);
    localise(document, language);
  });
  $('open-viewer').addEventListener('click', () => void browser.tabs.create({ url: viewerUrl() }));
  dropZone.addEventListener('click', () => fileInput.click());
  dropZone.addEventListener('dragover', (e) => {
    e.preventDefault();
    dropZone.classList.add('over');
  });
  dropZone.addEventListener('dragleave', () => dropZone.classList.remove('over'));
  dropZone.addEventListener('drop', (e) => {
    e.preventDefault();
    dropZone.classList.remove('over');
    const file = e.dataTransfer?.files[0];
    if (file) void openFile(file);
  });
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (file) void openFile(file);
  });
}

void main();
