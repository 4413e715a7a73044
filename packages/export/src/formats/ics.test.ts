import type { Deadline, PlanTask } from '@sohoa/model';
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { DigitisedDocument } from '../document.js';
import { FIXTURES, loadFixture } from '../test-support/fixtures.js';
import { shorten, toIcs } from './ics.js';

/* Read back by ical.js (Mozilla's parser), as a calendar app would. */
function todos(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  return calendar.getAllSubcomponents('vtodo').map((todo) => {
    const due = todo.getFirstPropertyValue('due') as ICAL.Time;
    return {
      uid: String(todo.getFirstPropertyValue('uid')),
      summary: String(todo.getFirstPropertyValue('summary')),
      description: String(todo.getFirstPropertyValue('description')),
      due: due.toString(),
      isDate: due.isDate,
    };
  });
}

const stamp = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

function withDeadlines(deadlines: (Deadline | null)[]): DigitisedDocument {
  const base = loadFixture('party-text-layer');
  const tasks: PlanTask[] = deadlines.map((deadline, i) => ({
    text: `Sở số ${i + 1}, chủ trì; thực hiện nhiệm vụ thứ ${i + 1}.`,
    lead: `Sở số ${i + 1}`,
    coordinators: ['Sở Tài chính', 'UBND các huyện'],
    deadline,
    recurrence: null,
    section: 'III.1',
  }));
  return { ...base, plan: { ...base.plan, tasks } };
}

const dl = (
  kind: Deadline['kind'],
  iso: string | null,
  raw: string,
  end: string | null = null,
): Deadline => ({
  raw,
  kind,
  iso,
  end,
});

describe('toIcs', () => {
  it.each(FIXTURES)('%s: one VTODO per task with a due day, DUE a DATE', (name) => {
    const doc = loadFixture(name);
    const parsed = todos(toIcs(doc, { stamp }));
    const dated = doc.plan.tasks.filter(
      (t) => t.deadline?.iso && t.deadline.kind !== 'from' && t.deadline.kind !== 'after',
    );
    expect(parsed).toHaveLength(dated.length);
    for (const todo of parsed) expect(todo.isDate).toBe(true);
  });

  it('the party plan: quarter and day deadlines', () => {
    const parsed = todos(toIcs(loadFixture('party-text-layer'), { stamp }));
    expect(parsed.map((t) => t.due)).toEqual(['2024-06-30', '2024-06-30']);
    expect(parsed[1]?.description).toContain('Chủ trì: Ban Tuyên giáo Tỉnh ủy');
    expect(parsed[1]?.description).toContain('Phối hợp: Sở Khoa học và Công nghệ');
    expect(parsed[1]?.description).toContain('Mục: III.2');
    expect(parsed[1]?.description).toContain('Thời hạn: trước ngày 30/6/2024');
  });

  it('gives each kind of deadline its due day', () => {
    const doc = withDeadlines([
      dl('on', '2026-04-29T13:30', '13h30 ngày 29/4/2026'),
      dl('by', '2024-03-15', 'trước ngày 15/3/2024'),
      dl('by', '2024-06', 'trước tháng 6/2024'),
      dl('by', '2024-06', 'chậm nhất trong tháng 6/2024'),
      dl('within', '2024-02', 'trong tháng 02/2024'),
      dl('within', '2024-Q1', 'trong quý I/2024'),
      dl('within', '2026-H2', 'trong 6 tháng cuối năm 2026'),
      dl('within', '2026', 'trong năm 2026'),
      dl('range', '2025-12-01', 'từ ngày 01/12/2025 đến ngày 14/12/2025', '2025-12-14'),
      dl('range', '2025-11', 'từ tháng 11/2025 đến quý I/2026', '2026-Q1'),
      dl('from', '2026-06-02', 'từ ngày 02/6/2026'),
      dl('relative', null, 'ngay sau khi kết thúc hội nghị'),
      null,
    ]);
    const parsed = todos(toIcs(doc, { stamp }));
    expect(parsed.map((t) => [t.uid.match(/task-(\d+)@/u)?.[1], t.due])).toEqual([
      ['1', '2026-04-29'],
      ['2', '2024-03-15'],
      ['3', '2024-05-31'],
      ['4', '2024-06-30'],
      ['5', '2024-02-29'],
      ['6', '2024-03-31'],
      ['7', '2026-12-31'],
      ['8', '2026-12-31'],
      ['9', '2025-12-14'],
      ['10', '2026-03-31'],
    ]);
  });

  it('keeps Vietnamese, commas and semicolons through escaping and folding', () => {
    const doc = withDeadlines([dl('by', '2024-03-15', 'trước ngày 15/3/2024')]);
    const [todo] = todos(toIcs(doc, { stamp }));
    expect(todo?.summary).toBe('Sở số 1, chủ trì; thực hiện nhiệm vụ thứ 1.');
    expect(todo?.description).toContain('Phối hợp: Sở Tài chính; UBND các huyện');
  });

  it('UIDs are stable, one per task, and differ between documents', () => {
    const doc = loadFixture('laocai-ubnd-134-text');
    const a = todos(toIcs(doc, { stamp })).map((t) => t.uid);
    const b = todos(toIcs(doc, { stamp: new Date() })).map((t) => t.uid);
    expect(a).toEqual(b);
    expect(new Set(a).size).toBe(a.length);
    const other = todos(toIcs({ ...doc, source: 'other.txt' }, { stamp })).map((t) => t.uid);
    expect(other.some((uid) => a.includes(uid))).toBe(false);
  });

  it('shortens long tasks at a word', () => {
    const long =
      'Ban Quản lý Khu kinh tế chủ trì, phối hợp với các sở, ban, ngành rà soát, đánh giá hiện trạng hạ tầng';
    const short = shorten(long, 60);
    expect(short.length).toBeLessThanOrEqual(60);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(shorten('Ngắn.', 60)).toBe('Ngắn.');
  });
});
