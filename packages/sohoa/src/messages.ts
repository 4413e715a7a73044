import type { DocumentMessage } from '@sohoa/export';
import type { Correction, OcrDocument, Plan } from '@sohoa/model';

/** Below this mean word confidence a page deserves a reader's look. */
const LOW_PAGE_CONFIDENCE = 60;

/** The diagnostics of every stage as one list a reader can act on. */
export function collectMessages(
  ocr: OcrDocument | undefined,
  corrections: Correction[],
  plan: Plan,
): DocumentMessage[] {
  const messages: DocumentMessage[] = [];
  for (const page of ocr?.pages ?? []) {
    if (page.source === 'ocr' && page.confidence < LOW_PAGE_CONFIDENCE) {
      messages.push({
        source: 'sohoa-ocr',
        ruleId: 'low-confidence',
        reason: `page ${page.number} was read with low confidence (${Math.round(page.confidence)} %): check it against the scan`,
        severity: 'warning',
      });
    }
  }
  const applied = corrections.filter((c) => c.applied).length;
  const suggested = corrections.length - applied;
  if (corrections.length > 0) {
    messages.push({
      source: 'sohoa-correct',
      ruleId: 'corrections',
      reason: `${applied} correction${applied === 1 ? '' : 's'} applied, ${suggested} suggested for review`,
      severity: 'info',
    });
  }
  for (const m of plan.messages) {
    messages.push({
      source: 'sohoa-parse',
      ruleId: m.ruleId,
      reason: m.reason,
      severity: 'warning',
      ...(m.line !== undefined ? { line: m.line } : {}),
    });
  }
  return messages;
}
