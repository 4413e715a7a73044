import type { Plan } from '@sohoa/model';

/*
 * Download names in Vietnamese, from what the document says it is: "Kế hoạch 134-KH-UBND - nhiệm vụ.csv".
 * Names come from the document, so they are cut to characters every file system takes (no path
 * separators, no reserved characters, no leading dots) and to a sane length: a crafted title can
 * neither escape the downloads folder nor make an unsavable name.
 */

const RESERVED = /[\\/:*?"<>|\u0000-\u001f\u007f]+/g;
const MAX_BASE = 100;

function titleCase(title: string): string {
  const lower = title.toLocaleLowerCase('vi');
  return lower.charAt(0).toLocaleUpperCase('vi') + lower.slice(1);
}

/** A file name's base for a document: its type and number, else its source's name without extension. */
export function documentBaseName(plan: Pick<Plan, 'title' | 'number'> | undefined, source: string): string {
  const title = plan?.title?.split(/\s+/).slice(0, 3).join(' ');
  const number = plan?.number?.raw.replace(/\s+/g, '');
  const fromPlan = [title ? titleCase(title) : '', number ?? ''].filter(Boolean).join(' ');
  const fromSource = (source.split(/[\\/]/).pop() ?? '').replace(/\.[a-z0-9]+$/i, '');
  return safeFileName(number ? fromPlan : fromSource || fromPlan || 'sohoa');
}

/** One path segment safe on Windows, macOS and Linux, NFC (as Vietnamese is typed), never empty. */
export function safeFileName(name: string): string {
  const cleaned = name
    .normalize('NFC')
    .replace(RESERVED, '-')
    .replace(/\s+/g, ' ')
    .replace(/^[\s.-]+|[\s.]+$/g, '')
    .slice(0, MAX_BASE)
    .trim();
  return cleaned || 'sohoa';
}

/** The download name of an export: base, a word for what it holds when it is a part, extension. */
export function exportFileName(base: string, extension: string, part?: string): string {
  return `${safeFileName(part ? `${base} - ${part}` : base)}.${extension}`;
}
