import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';

/*
 * zod's `z` is a namespace object that also carries `z.locales`, every locale zod ships (60-odd). A bundler
 * that cannot tell which members of `z` are used keeps all of them: esbuild did, for `import { z } from
 * 'zod'` (a Plan-only browser bundle was 389 kB minified, 263 kB of it locales). The model imports
 * `* as z`, whose member accesses every bundler follows, so only what the schemas use comes along, with
 * English, zod's default locale. This bundles the model for a browser as an application would.
 */

const index = fileURLToPath(new URL('./index.ts', import.meta.url));

async function bundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: dirname(index), loader: 'ts' },
    alias: { '@sohoa/model': index },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]?.text ?? '';
}

// One message of zod's English, Vietnamese and Japanese locales (zod 4.6).
const ENGLISH = 'Invalid input: expected';
const OTHERS = ['Đầu vào không hợp lệ', '無効な入力'];

describe('browser bundle of @sohoa/model', () => {
  it.each([
    ['the Plan schema', "import { Plan } from '@sohoa/model'; export const ok = Plan.safeParse({}).success;"],
    ['the whole API', "export * from '@sohoa/model';"],
  ])('%s: English messages only, no other zod locale', async (_, entry) => {
    const js = await bundle(entry);
    expect(js).toContain(ENGLISH);
    for (const message of OTHERS) expect(js).not.toContain(message);
    // 96 kB and 127 kB with zod 4.6.7; the locales alone were 263 kB.
    expect(js.length).toBeLessThan(200_000);
  });
});
