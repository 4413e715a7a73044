// Native tesseract for benchmarks: installed from Debian when missing, one thread per process.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';

const run = promisify(execFile);
const require = createRequire(import.meta.url);

export function ensureNative() {
  const has = () => spawnSync('tesseract', ['--list-langs'], { encoding: 'utf8' }).stdout?.includes('vie');
  if (has()) return true;
  console.error('native tesseract with vie not found: installing tesseract-ocr tesseract-ocr-vie …');
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'ignore' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'tesseract-ocr', 'tesseract-ocr-vie'], {
      stdio: 'ignore',
      env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
    });
  } catch (error) {
    console.error(`could not install native tesseract (${error.message}); native columns will be empty`);
  }
  return has();
}

/** A tessdata folder holding sohoa's own vie model, so native tesseract runs the same network. */
export function sameModelDir() {
  const dir = mkdtempSync(path.join(tmpdir(), 'sohoa-tessdata-'));
  const gz = require.resolve('@tesseract.js-data/vie/4.0.0_best_int/vie.traineddata.gz');
  writeFileSync(path.join(dir, 'vie.traineddata'), gunzipSync(readFileSync(gz)));
  return dir;
}

export function nativeRunner(extraArgs) {
  return async (file) => {
    const start = performance.now();
    const { stdout } = await run('tesseract', [...extraArgs, file, 'stdout', '-l', 'vie', '--psm', '3'], {
      // One thread per process, one process per core: OpenMP on 2 cores is slower.
      env: { ...process.env, OMP_THREAD_LIMIT: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { text: stdout, ms: performance.now() - start };
  };
}
