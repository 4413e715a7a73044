import type { Comparator, Deadline, Recurrence } from './plan.js';
import type { PlanTargetNode } from './plan-tree-nodes.js';

/*
 * What the mdast and hast bridges share: the words they add around the plan's own text, and how they
 * write deadlines and goals.
 */

/** Words the bridges add (headings of the derived lists, column and fact names). Vietnamese by default. */
export interface PlanLabels {
  /** Fact names of the header. */
  docType: string;
  issuer: string;
  number: string;
  place: string;
  date: string;
  /** Heading and columns of the task table (or list). */
  tasks: string;
  section: string;
  task: string;
  lead: string;
  coordinators: string;
  deadline: string;
  /** Heading of the list of targets. */
  targets: string;
  /** Heading of the list of cited documents, and the note on those the document carries out. */
  references: string;
  implemented: string;
  /** "Nơi nhận". */
  recipients: string;
  /** Heading of the footnotes. */
  footnotes: string;
}

export const planLabelsVi: Readonly<PlanLabels> = {
  docType: 'Loại văn bản',
  issuer: 'Cơ quan ban hành',
  number: 'Số, ký hiệu',
  place: 'Địa danh',
  date: 'Ngày ban hành',
  tasks: 'Nhiệm vụ',
  section: 'Mục',
  task: 'Nội dung',
  lead: 'Chủ trì',
  coordinators: 'Phối hợp',
  deadline: 'Thời hạn',
  targets: 'Chỉ tiêu',
  references: 'Văn bản được dẫn',
  implemented: 'văn bản này triển khai thực hiện',
  recipients: 'Nơi nhận',
  footnotes: 'Chú thích',
};

/** ISO form of a deadline: `2026-Q4`, a range as an ISO 8601 interval `2025-12-01/2025-12-14`; '' if none. */
export function deadlineIso(deadline: Deadline | null): string {
  if (!deadline?.iso) return '';
  return deadline.end ? `${deadline.iso}/${deadline.end}` : deadline.iso;
}

/** "trong quý IV năm 2026 (2026-Q4)", with the recurrence when the deadline does not already say it. */
export function formatWhen(deadline: Deadline | null, recurrence: Recurrence | null): string {
  const parts: string[] = [];
  if (deadline) {
    const iso = deadlineIso(deadline);
    parts.push(iso ? `${deadline.raw} (${iso})` : deadline.raw);
  }
  if (recurrence && !deadline?.raw.includes(recurrence.raw)) parts.push(recurrence.raw);
  return parts.join('; ');
}

const COMPARATOR: Record<Comparator, string> = {
  '>=': '≥',
  '>': '>',
  '<=': '≤',
  '<': '<',
  '=': '=',
  top: 'top',
  approx: '≈',
};

/** "≥ 500 ha, 2026": a target's comparator, value, unit and horizon; '' when none is known. */
export function formatGoal(
  target: Pick<PlanTargetNode, 'comparator' | 'value' | 'unit' | 'horizon'>,
): string {
  const amount = [
    target.comparator ? COMPARATOR[target.comparator] : null,
    target.value === null ? null : String(target.value),
    target.unit,
  ]
    .filter((part): part is string => part !== null)
    .join(' ');
  return [amount, target.horizon === null ? '' : String(target.horizon)].filter(Boolean).join(', ');
}

/**
 * The ISO value as an HTML `datetime` when HTML accepts it (year, month, day, local date and time); quarters
 * (`2026-Q1`) and halves (`2026-H1`) have no HTML form.
 */
export function htmlDateTime(iso: string | null): string | undefined {
  if (!iso) return undefined;
  return /^\d{4}(-\d{2}(-\d{2}(T\d{2}:\d{2})?)?)?$/.test(iso) ? iso : undefined;
}
