import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

const root = fileURLToPath(new URL('.', import.meta.url));

// Tests import sibling packages from source so a change in one package is seen by the
// tests of another without a rebuild. Subpaths map to files: @sohoa/ocr/node → src/node.ts.
const alias = [
  { find: /^@sohoa\/([a-z]+)$/, replacement: `${root}packages/$1/src/index.ts` },
  { find: /^@sohoa\/([a-z]+)\/([a-z.-]+)$/, replacement: `${root}packages/$1/src/$2.ts` },
];

export default defineConfig({
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: 'unit',
          include: [
            'packages/*/src/**/*.test.ts',
            'apps/*/src/**/*.test.ts',
            'fixtures/scripts/**/*.test.ts',
          ],
          exclude: ['**/*.slow.test.ts', '**/node_modules/**', 'apps/extension/**'],
          testTimeout: 20_000,
        },
      },
      {
        // The extension's own modules, against WXT's fake browser (its vitest plugin wires the
        // `browser` global, storage and the auto-imports); the real extension runs in the e2e test.
        root: `${root}apps/extension`,
        plugins: [WxtVitest({ root: `${root}apps/extension` })],
        resolve: { alias },
        test: {
          name: 'extension',
          include: ['src/**/*.test.ts'],
          testTimeout: 20_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: 'integration',
          include: [
            'packages/*/src/**/*.slow.test.ts',
            'apps/*/src/**/*.slow.test.ts',
            'apps/*/test/**/*.test.ts',
          ],
          exclude: ['**/node_modules/**'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // OCR tests each start tesseract workers; two cores, so one file at a time.
          fileParallelism: false,
        },
      },
    ],
  },
});
