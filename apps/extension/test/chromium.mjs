import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

/*
 * The real extension in real Chromium: the built `dist/chrome-mv3` loaded into a fresh profile
 * (Debian's chromium, headless), documents served by a local HTTP server on 127.0.0.1, every request
 * and every console error recorded. Used by the e2e test and the benchmark.
 */

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
export const EXTENSION_DIR = path.join(ROOT, 'apps/extension/dist/chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** @returns {string | null} why the extension cannot be driven here */
export function missingPrerequisite() {
  if (!existsSync(CHROMIUM)) return `no Chromium at ${CHROMIUM} (apt-get install chromium)`;
  if (!existsSync(path.join(EXTENSION_DIR, 'manifest.json')))
    return `the extension is not built (${EXTENSION_DIR}): npm run build`;
  return null;
}

/** Serve files: `/name` → { file, type, attachment? }. */
/**
 * @param {Record<string, { file?: string, bytes?: Uint8Array, type: string, attachment?: boolean }>} files
 */
export async function serve(files) {
  /** @type {string[]} */
  const hits = [];
  /** @type {string[]} requests for other hosts, which reach this server as the browser's proxy */
  const proxied = [];
  const server = createServer((req, res) => {
    if (/^https?:\/\//.test(req.url ?? '')) {
      proxied.push(req.url ?? '');
      res.writeHead(403);
      res.end();
      return;
    }
    const url = new URL(req.url ?? '/', 'http://x');
    hits.push(url.pathname);
    const entry = files[url.pathname];
    if (!entry) {
      res.writeHead(404, { 'content-type': 'text/plain' });
      res.end('not found');
      return;
    }
    const body = entry.bytes ?? readFileSync(/** @type {string} */ (entry.file));
    res.writeHead(200, {
      'content-type': entry.type,
      'content-length': body.length,
      ...(entry.attachment ? { 'content-disposition': 'attachment; filename="x.pdf"' } : {}),
    });
    res.end(body);
  });
  server.on('connect', (req, socket) => {
    proxied.push(`CONNECT ${req.url}`);
    socket.destroy();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  return {
    proxied,
    base: `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (server.address()).port}`,
    hits,
    close: () => new Promise((done) => server.close(() => done(undefined))),
  };
}

/**
 * Chromium's own update, time and sign-in services, which it calls whatever the pages do (they come
 * with about:blank too): the browser's traffic, not the extension's.
 */
export const CHROMIUM_SERVICES =
  /^(CONNECT |https?:\/\/)([a-z0-9-]+\.)*(google\.com|googleapis\.com|gvt1\.com)[:/]/;

/**
 * Launch Chromium with the built extension. With `proxy` (a server from `serve`), every request for
 * another host than 127.0.0.1 goes to that server, which records it: workers' requests included,
 * which the DevTools events do not all show.
 * @param {{ proxy?: string }} [options]
 */
export async function launchWithExtension(options = {}) {
  const profile = mkdtempSync(path.join(tmpdir(), 'sohoa-chromium-'));
  const downloads = mkdtempSync(path.join(tmpdir(), 'sohoa-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    acceptDownloads: true,
    downloadsPath: downloads,
    viewport: { width: 1600, height: 1000 },
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(options.proxy ? [`--proxy-server=${options.proxy.replace('http://', '')}`] : []),
    ],
  });
  /** @type {string[]} every URL any page, worker or the service worker asked for */
  const requests = [];
  /** @type {string[]} console errors and uncaught exceptions of the pages */
  const errors = [];
  context.on('request', (r) => requests.push(r.url()));
  const watch = (/** @type {import('playwright-core').Page} */ page) => {
    page.on('request', (r) => requests.push(r.url()));
    page.on('console', (m) => {
      // tesseract's wasm core prints its own notes on stderr, which its worker logs as errors: the
      // Vietnamese data's config names two parameters this build of the engine does not have.
      if (m.type() === 'error' && !/^Warning: Parameter not found: \w+$/.test(m.text()))
        errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  };
  context.on('page', watch);
  for (const page of context.pages()) watch(page);
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL(worker.url()).host;
  // The service worker's own errors count too (menus, redirect rules).
  worker.on('console', (m) => {
    if (m.type() === 'error') errors.push(`service worker: ${m.text()}`);
  });
  return {
    context,
    extensionId,
    requests,
    errors,
    downloads,
    profile,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

/** Wait until the service worker has installed its PDF redirect rules. */
/** @param {{ context: import('playwright-core').BrowserContext }} launched */
export async function interceptionReady(launched) {
  const worker = launched.context.serviceWorkers()[0];
  if (!worker) throw new Error('no service worker');
  for (let i = 0; i < 100; i++) {
    const count = await worker.evaluate(
      // @ts-expect-error chrome is the extension API inside the service worker
      async () => (await chrome.declarativeNetRequest.getDynamicRules()).length,
    );
    if (count > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the PDF redirect rules were never installed');
}

/** Wait for the viewer to finish (or fail) and return its state and message. */
/** @param {import('playwright-core').Page} page */
export async function waitForDone(page, timeout = 240_000) {
  await page.waitForSelector('#sohoa-status[data-state="done"], #sohoa-status[data-state="error"]', {
    timeout,
  });
  return page.$eval('#sohoa-status', (el) => ({
    state: /** @type {HTMLElement} */ (el).dataset.state ?? '',
    message: el.textContent ?? '',
  }));
}
