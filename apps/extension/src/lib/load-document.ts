import { nameOfUrl } from './viewer-url';

/** Why a document could not be loaded, for one line in the status bar. */
export class LoadError extends Error {
  constructor(
    readonly code: 'file-access' | 'network' | 'http' | 'empty' | 'not-a-document',
    message: string,
  ) {
    super(message);
    this.name = 'LoadError';
  }
}

export interface LoadedDocument {
  name: string;
  url?: string;
  bytes: Uint8Array;
}

/**
 * Fetch a document the user opened. The extension's host permission lets its page read the URL with
 * the user's cookies, as the tab did; file:// needs the "Allow access to file URLs" switch, which the
 * caller checks first (`fileAccessAllowed`) so the user gets instructions instead of a bare failure.
 */
export async function fetchDocument(url: string, fetcher: typeof fetch = fetch): Promise<LoadedDocument> {
  let response: Response;
  try {
    response = await fetcher(url, { credentials: 'include' });
  } catch (error) {
    if (url.startsWith('file:')) throw new LoadError('network', `${nameOfUrl(url)}: the file cannot be read`);
    throw new LoadError('network', `${nameOfUrl(url)}: ${(error as Error).message}`);
  }
  if (!response.ok && !url.startsWith('file:')) {
    throw new LoadError('http', `${nameOfUrl(url)}: HTTP ${response.status} ${response.statusText}`.trim());
  }
  // An expired session answers with its login page: that is not the document.
  if (/^text\/html\b/i.test(response.headers.get('content-type') ?? '')) {
    throw new LoadError(
      'not-a-document',
      `${nameOfUrl(url)}: the server sent a web page, not a document (signed out?)`,
    );
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.length === 0) throw new LoadError('empty', `${nameOfUrl(url)}: the file is empty (0 bytes)`);
  return { name: nameOfUrl(url), url, bytes };
}

/**
 * Open a document the viewer was asked for by URL. A file:// URL the extension may not read (the
 * user has not turned on "Allow access to file URLs") is refused before fetching, with the code the
 * viewer turns into instructions.
 */
export async function openUrl(
  url: string,
  options: { fileAccessAllowed: () => Promise<boolean>; fetcher?: typeof fetch },
): Promise<LoadedDocument> {
  if (url.startsWith('file:') && !(await options.fileAccessAllowed())) {
    throw new LoadError('file-access', `${nameOfUrl(url)}: sohoa may not read local files`);
  }
  return fetchDocument(url, options.fetcher);
}

/** A file the user picked or dropped. */
export async function readPickedFile(file: File): Promise<LoadedDocument> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length === 0) throw new LoadError('empty', `${file.name}: the file is empty (0 bytes)`);
  return { name: file.name, bytes };
}
