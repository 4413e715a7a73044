/*
 * The viewer's address contract, as pdf.js's viewer has it: `viewer.html?file=<url-encoded URL>`.
 * A declarativeNetRequest redirect cannot URL-encode (its regexSubstitution pastes the URL as it
 * is), so a raw URL after `file=` is taken verbatim, `&` and `#` included.
 */

export const VIEWER_PAGE = 'viewer.html';

/** The viewer's address for a document URL, relative to the extension's root. */
export function viewerPath(file?: string): string {
  return file ? `/${VIEWER_PAGE}?file=${encodeURIComponent(file)}` : `/${VIEWER_PAGE}`;
}

/** The document URL a viewer address asks for, encoded (as `viewerPath` makes it) or raw (a redirect). */
export function fileFromLocation(search: string, hash = ''): string | null {
  const query = search.startsWith('?') ? search.slice(1) : search;
  if (!query.startsWith('file=')) return new URLSearchParams(query).get('file');
  const rest = query.slice('file='.length);
  // An encoded URL has no bare "://"; a redirected one does, and owns everything after file=.
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(rest)) return rest + hash;
  const value = new URLSearchParams(query).get('file');
  return value || null;
}

/** Only documents the viewer can fetch: http(s), file and blob URLs. */
export function isOpenableUrl(url: string): boolean {
  try {
    return ['http:', 'https:', 'file:'].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

/** A file name for a document URL (the last path segment, decoded), for titles and exports. */
export function nameOfUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const last = parsed.pathname.split('/').filter(Boolean).pop();
    return last ? decodeURIComponent(last) : parsed.hostname || url;
  } catch {
    return url;
  }
}
