import { randomBytes } from 'node:crypto';
import { mkdir, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './io.js';

const reasons: Record<string, string> = {
  ENOTDIR: 'a file is in the way',
  EEXIST: 'a file is in the way',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
};

/**
 * Make sure `dir` exists and can be written to before any work starts: finding out after
 * an hour of OCR that the folder is read-only loses the hour.
 */
export async function prepareOutputDir(dir: string): Promise<void> {
  const fail = (error: unknown): never => {
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new UsageError(
      `--out ${dir}: cannot write there (${reasons[code] ?? code ?? (error as Error).message})`,
    );
  };
  await mkdir(dir, { recursive: true }).catch(fail);
  const info = await stat(dir).catch(fail);
  if (!info.isDirectory()) fail(Object.assign(new Error('not a folder'), { code: 'ENOTDIR' }));
  const probe = path.join(dir, `.sohoa-write-test-${randomBytes(4).toString('hex')}`);
  await writeFile(probe, '').catch(fail);
  await rm(probe, { force: true });
}
