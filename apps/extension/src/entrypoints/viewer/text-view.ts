import { annotatedText, type DigitisedDocument, htmlSchema } from '@sohoa/export';
import type { Correction } from '@sohoa/model';
import type { Root } from 'hast';
import { sanitize } from 'hast-util-sanitize';
import { toDom } from 'hast-util-to-dom';
import { indexText, type TextIndex } from '../../lib/dom-offsets';

/*
 * The corrected text with its marks, as @sohoa/export annotates it for the HTML export (same marks,
 * same sanitising schema), turned into DOM nodes (no HTML strings). Corrections become focusable
 * buttons that open the correction's card.
 */

export function renderAnnotatedText(container: HTMLElement, doc: DigitisedDocument): TextIndex {
  const tree = sanitize({ type: 'root', children: [annotatedText(doc)] } as Root, htmlSchema);
  const fragment = toDom(tree, { fragment: true, document });
  const inner = fragment.firstChild;
  // The export's wrapper div carries its own class; the viewer's container replaces it.
  container.replaceChildren(...(inner ? Array.from(inner.childNodes) : []));
  for (const el of container.querySelectorAll<HTMLElement>('.corr[data-correction]')) {
    el.tabIndex = 0;
    el.setAttribute('role', 'button');
    el.setAttribute('aria-haspopup', 'dialog');
    el.setAttribute('aria-label', el.title.split('\n')[0] ?? el.title);
  }
  return indexText(container);
}

/** Provisional text of the pages read so far, shown until the whole document is done. */
export function renderProvisional(container: HTMLElement, pages: ReadonlyMap<number, string>): void {
  const nodes: Node[] = [];
  for (const [number, text] of [...pages].sort((a, b) => a[0] - b[0])) {
    if (nodes.length > 0) {
      const br = document.createElement('span');
      br.className = 'page-break';
      br.dataset.page = String(number);
      nodes.push(br);
    }
    const p = document.createElement('div');
    p.className = 'provisional';
    p.dataset.page = String(number);
    p.textContent = text;
    nodes.push(p);
  }
  container.replaceChildren(...nodes);
}

export type CorrectionChoice = { kind: 'revert' } | { kind: 'accept'; text?: string };

export interface PopoverLabels {
  applied(original: string, replacement: string): string;
  suggested(original: string, replacement: string): string;
  revert(original: string): string;
  accept(text: string): string;
  confidence(percent: string): string;
  reason(c: Correction): string;
  close: string;
}

/** The card of one correction: what changed, why, how sure, and the buttons to undo or choose. */
export function showCorrectionCard(
  popover: HTMLElement,
  anchor: HTMLElement,
  correction: Correction,
  labels: PopoverLabels,
  choose: (choice: CorrectionChoice) => void,
): void {
  const head = document.createElement('p');
  head.id = 'correction-card-title';
  head.textContent = correction.applied
    ? labels.applied(correction.original, correction.replacement)
    : labels.suggested(correction.original, correction.replacement);
  const meta = document.createElement('p');
  meta.className = 'meta';
  meta.textContent = `${labels.reason(correction)} · ${labels.confidence(
    `${(correction.confidence * 100).toFixed(0)} %`,
  )}`;
  const buttons: HTMLButtonElement[] = [];
  const button = (label: string, action: string, choice: CorrectionChoice) => {
    const b = document.createElement('button');
    b.type = 'button';
    b.textContent = label;
    b.dataset.action = action;
    b.addEventListener('click', () => choose(choice));
    buttons.push(b);
  };
  if (correction.applied) button(labels.revert(correction.original), 'revert', { kind: 'revert' });
  else button(labels.accept(correction.replacement), 'accept', { kind: 'accept' });
  for (const alt of correction.alternatives) {
    if (alt.text === correction.replacement || alt.text === correction.original) continue;
    button(labels.accept(alt.text), 'alternative', { kind: 'accept', text: alt.text });
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.textContent = labels.close;
  close.dataset.action = 'close';
  close.addEventListener('click', () => hideCard(popover, anchor));
  popover.replaceChildren(head, meta, ...buttons, close);
  popover.setAttribute('aria-labelledby', head.id);
  const rect = anchor.getBoundingClientRect();
  popover.style.left = `${rect.left + window.scrollX}px`;
  popover.style.top = `${rect.bottom + window.scrollY + 4}px`;
  popover.hidden = false;
  buttons[0]?.focus();
}

export function hideCard(popover: HTMLElement, returnFocus?: HTMLElement): void {
  if (popover.hidden) return;
  popover.hidden = true;
  returnFocus?.focus();
}
