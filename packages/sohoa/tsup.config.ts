import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    node: 'src/node.ts',
    browser: 'src/browser.ts',
    queue: 'src/queue/index.ts',
    // BullMQ's sandboxed processors: files it loads in processes of their own, found beside queue.js.
    'queue-page': 'src/queue/page-processor.ts',
    'queue-document': 'src/queue/document-processor.ts',
  },
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
