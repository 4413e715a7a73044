import { chmod, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from './io.js';
import { prepareOutputDir } from './output-dir.js';

let tmp: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'sohoa-out-'));
});
afterAll(async () => {
  await chmod(path.join(tmp, 'ro'), 0o755).catch(() => {});
  await rm(tmp, { recursive: true, force: true });
});

describe('prepareOutputDir', () => {
  it('creates missing folders and leaves nothing behind', async () => {
    const dir = path.join(tmp, 'a', 'b');
    await prepareOutputDir(dir);
    expect(await readdir(dir)).toEqual([]);
  });

  it('refuses a folder under a file, in one line', async () => {
    await writeFile(path.join(tmp, 'file'), 'x');
    const error = await prepareOutputDir(path.join(tmp, 'file', 'out')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UsageError);
    expect((error as Error).message).toMatch(/cannot write there \(a file is in the way\)/);
  });

  it('refuses a file given as the folder', async () => {
    const error = await prepareOutputDir(path.join(tmp, 'file')).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/a file is in the way/);
  });

  it.skipIf(process.getuid?.() === 0)('refuses a read-only folder', async () => {
    const dir = path.join(tmp, 'ro');
    await prepareOutputDir(dir);
    await chmod(dir, 0o555);
    const error = await prepareOutputDir(dir).catch((e: unknown) => e);
    expect((error as Error).message).toMatch(/permission denied/);
  });
});
