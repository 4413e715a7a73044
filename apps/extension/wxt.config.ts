import { createRequire } from 'node:module';
import { defineConfig } from 'wxt';

const require = createRequire(import.meta.url);

/**
 * Everything the pipeline would otherwise fetch, shipped inside the extension: tesseract's
 * worker, wasm cores and Vietnamese data, pdf.js's worker, wasm, fonts and CMaps (the layout
 * `browserAssetsAt` expects), the corrector's language model and the searchable PDF's font.
 * Copied from node_modules at build time, never committed twice, never downloaded at run time.
 */
async function shippedAssets(): Promise<{ absoluteSrc: string; relativeDest: string }[]> {
  const { browserAssetFiles } = await import('@sohoa/ocr/browser-assets');
  const files = browserAssetFiles().map((f) => ({ absoluteSrc: f.from, relativeDest: `assets/${f.to}` }));
  files.push({
    absoluteSrc: require.resolve('@sohoa/correct/model/syllable-lm.bin'),
    relativeDest: 'assets/models/syllable-lm.bin',
  });
  files.push({
    absoluteSrc: require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'),
    relativeDest: 'assets/fonts/DejaVuSans.ttf',
  });
  return files;
}

export default defineConfig({
  srcDir: 'src',
  outDir: 'dist',
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'vi',
    version: '0.1.0',
    // Redirect rules on response headers need Chrome 128.
    ...(browser === 'firefox' ? {} : { minimum_chrome_version: '128' }),
    permissions: [
      'declarativeNetRequestWithHostAccess',
      'contextMenus',
      'storage',
      'unlimitedStorage',
      'webNavigation',
      ...(browser === 'firefox' ? [] : ['sidePanel']),
    ],
    host_permissions: ['<all_urls>'],
    action: { default_title: '__MSG_actionTitle__' },
    // The wasm of tesseract and pdf.js needs wasm-unsafe-eval; nothing else, and nothing remote.
    content_security_policy: {
      // Pages may fetch documents (http, https, file) and nothing else may leave: no remote scripts,
      // styles, fonts, frames or images.
      extension_pages:
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; connect-src 'self' http: https: file: blob: data:; worker-src 'self'; object-src 'none'; frame-src 'none'; base-uri 'none'",
    },
    // A PDF navigation is redirected to the viewer: the page must be reachable from web pages.
    web_accessible_resources: [{ resources: ['viewer.html'], matches: ['<all_urls>'] }],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'sohoa@sohoa.dev',
              strict_min_version: '128.0',
              // Firefox asks extensions to declare what they collect: nothing.
              data_collection_permissions: { required: ['none'] },
            },
          },
        }
      : {}),
  }),
  vite: () => ({
    // The viewer's pipeline worker is an ES module (it imports pdf.js lazily); an IIFE worker would
    // turn import.meta.url into a document lookup, which workers lack.
    worker: { format: 'es' },
    resolve: {
      alias: {
        // Its "browser" build decodes entities with a DOM element; the worker has no DOM. The plain
        // build (a table) works everywhere.
        'decode-named-character-reference': require.resolve('decode-named-character-reference'),
      },
    },
  }),
  hooks: {
    'build:publicAssets': async (_wxt, files) => {
      files.push(...(await shippedAssets()));
    },
  },
});
