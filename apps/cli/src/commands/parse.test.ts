import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { Plan } from '@sohoa/model';
import { describe, expect, it } from 'vitest';
import type { Io } from '../io.js';
import { main } from '../main.js';

function io(stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const fake: Io = {
    stdout: { write: (s: string) => out.push(s) } as unknown as Io['stdout'],
    stderr: { write: (s: string) => err.push(s) } as unknown as Io['stderr'],
    stdin: Readable.from([Buffer.from(stdin)]),
  };
  return { fake, out: () => out.join(''), err: () => err.join('') };
}

const TEXT =
  'KẾ HOẠCH\nThử nghiệm\nI. TỔ CHỨC THỰC HIỆN\n1. Sở Y tế chủ trì, phối hợp với Sở Tài chính kiểm tra xong trước ngày 15/3/2024.\n';
const dir = mkdtempSync(join(tmpdir(), 'sohoa-parse-'));
const file = join(dir, 'plan.txt');
writeFileSync(file, TEXT);

describe('sohoa parse', () => {
  it('prints the plan as JSON that fits the schema', async () => {
    const t = io();
    expect(await main(['parse', file], t.fake)).toBe(0);
    const plan = Plan.parse(JSON.parse(t.out()));
    expect(plan.tasks[0]).toMatchObject({
      lead: 'Sở Y tế',
      coordinators: ['Sở Tài chính'],
      deadline: { iso: '2024-03-15' },
    });
    expect(plan.source).toBe(file);
  });

  it('reads standard input with "-" and renders Markdown', async () => {
    const t = io(TEXT);
    expect(await main(['parse', '-', '--format', 'md'], t.fake)).toBe(0);
    expect(t.out()).toContain('## I. TỔ CHỨC THỰC HIỆN');
    expect(t.out()).toContain('| I.1 |');
  });

  it('fails in one line on a missing file, non-UTF-8 input, a bad format', async () => {
    const missing = io();
    expect(await main(['parse', join(dir, 'nope.txt')], missing.fake)).toBe(1);
    expect(missing.err()).toMatch(/^sohoa parse: .*nope\.txt: cannot read \(no such file\)\n$/u);

    const latin = join(dir, 'latin1.txt');
    writeFileSync(latin, Buffer.from([0x4b, 0xc9, 0x20, 0x48, 0x4f, 0xa0, 0x43, 0x48, 0x0a]));
    const bad = io();
    expect(await main(['parse', latin], bad.fake)).toBe(1);
    expect(bad.err()).toMatch(/not UTF-8 text/u);
    expect(bad.err().trim().split('\n')).toHaveLength(1);

    const usage = io();
    expect(await main(['parse', file, '--format', 'xml'], usage.fake)).toBe(2);
    expect(usage.err()).toContain('unknown --format');
  });
});

describe('sohoa schema', () => {
  it('prints the JSON Schema of the plan', async () => {
    const t = io();
    expect(await main(['schema'], t.fake)).toBe(0);
    const schema = JSON.parse(t.out());
    expect(schema.title).toBe('sohoa plan');
    expect(schema.$defs.PlanSection).toBeDefined();
  });
});
