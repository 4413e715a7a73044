import type { Deadline, Plan, PlanSection } from '@sohoa/model';

/*
 * A readable Markdown rendering of a plan: header facts, the heading tree as headings with their paragraphs,
 * and a task table (lead, coordinators, deadline). For reading and review; the JSON is the data.
 */

const cell = (text: string | null | undefined) =>
  (text ?? '').replace(/\|/gu, '\\|').replace(/\s+/gu, ' ').trim();

/** Deadline as a reader says it: "by 2024-03-15", "2025-12-01 → 2026-02-20", or its printed words. */
export function formatDeadline(deadline: Deadline | null): string {
  if (!deadline) return '';
  if (deadline.kind === 'range' && deadline.iso) return `${deadline.iso} → ${deadline.end ?? '?'}`;
  if (deadline.iso) return `${deadline.kind} ${deadline.iso}`;
  return deadline.raw;
}

/** Render a plan as Markdown. */
export function planToMarkdown(plan: Plan): string {
  const out: string[] = [];
  const title = [plan.title ?? plan.docType.label, plan.number?.raw ? `số ${plan.number.raw}` : null]
    .filter(Boolean)
    .join(' ');
  out.push(`# ${title}`, '');
  if (plan.summary) out.push(`**${plan.summary}**`, '');
  const facts: [string, string | null][] = [
    ['Loại văn bản', `${plan.docType.label} (${plan.docType.code})`],
    ['Thể thức', plan.regime],
    ['Cơ quan ban hành', plan.issuer.name],
    ['Số, ký hiệu', plan.number?.raw ?? null],
    [
      'Địa danh, ngày',
      [plan.place, plan.date ? `${plan.date.raw}${plan.date.iso ? ` (${plan.date.iso})` : ''}` : null]
        .filter(Boolean)
        .join(', ') || null,
    ],
  ];
  for (const [name, value] of facts) if (value) out.push(`- ${name}: ${value}`);
  out.push('');
  if (plan.preamble.length > 0) {
    out.push(...plan.preamble.map((p) => `> ${p}`), '');
  }
  const section = (node: PlanSection, depth: number) => {
    out.push(`${'#'.repeat(Math.min(6, depth + 2))} ${node.number} ${node.heading}`.trimEnd(), '');
    if (node.paragraphs.length > 0) out.push(...node.paragraphs, '');
    for (const child of node.children) section(child, depth + 1);
  };
  for (const node of plan.sections) section(node, 0);
  if (plan.closing.length > 0) out.push(...plan.closing, '');

  if (plan.tasks.length > 0) {
    out.push(
      '## Nhiệm vụ',
      '',
      '| Mục | Nhiệm vụ | Chủ trì | Phối hợp | Thời hạn |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const t of plan.tasks) {
      const when = [formatDeadline(t.deadline), t.recurrence?.raw].filter(Boolean).join('; ');
      out.push(
        `| ${cell(t.section)} | ${cell(t.text)} | ${cell(t.lead)} | ${cell(t.coordinators.join('; '))} | ${cell(when)} |`,
      );
    }
    out.push('');
  }
  if (plan.references.length > 0) {
    out.push('## Văn bản được dẫn', '');
    plan.references.forEach((r, i) => {
      out.push(`- ${r.text}${plan.implements.includes(i) ? ' (thực hiện)' : ''}`);
    });
    out.push('');
  }
  if (plan.recipients.length > 0) {
    out.push(
      '## Nơi nhận',
      '',
      ...plan.recipients.map((r) => `- ${r.name}${r.marker ? ` (${r.marker})` : ''}`),
      '',
    );
  }
  if (plan.signature) out.push('## Ký', '', ...plan.signature.lines.map((l) => `${l}  `), '');
  for (const a of plan.appendices) {
    out.push(`## ${a.title}`, '');
    if (a.note) out.push(`_${a.note}_`, '');
    if (a.paragraphs.length > 0) out.push(...a.paragraphs.map((p) => `${p}  `), '');
    for (const node of a.sections) section(node, 1);
  }
  if (plan.footnotes.length > 0) out.push(...plan.footnotes.map((f) => `[^${f.mark}]: ${f.text}`), '');
  if (plan.messages.length > 0) {
    out.push(
      '## Ghi chú của bộ phân tích',
      '',
      ...plan.messages.map(
        (m) =>
          `- ${m.ruleId}${m.line ? ` (dòng ${m.line})` : ''}: ${m.reason}${m.text ? ` — ${m.text}` : ''}`,
      ),
      '',
    );
  }
  return `${out
    .join('\n')
    .replace(/\n{3,}/gu, '\n\n')
    .trimEnd()}\n`;
}
