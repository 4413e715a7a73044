import { defineConfig } from 'tsup';

export default defineConfig({
  // index: browser-safe API; node: loads the bundled model from disk; build: the model builder
  // (pure, used by scripts/build-lm.mjs and tests).
  entry: ['src/index.ts', 'src/node.ts', 'src/build.ts'],
  format: ['esm'],
  dts: true,
  clean: true,
  sourcemap: true,
  target: 'es2022',
});
