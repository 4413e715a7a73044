/*
 * A real Chromium for the browser platform's tests (Node only, not part of the package): the
 * test's entry scripts bundled with esbuild for the browser, the assets copied as an
 * extension's build copies them (`browserAssetFiles`), everything served from 127.0.0.1 under
 * an extension-like CSP (no blob: workers, no eval, wasm allowed), and every request recorded
 * so a test can prove nothing left the machine.
 */
import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { type Browser, chromium, type Page } from 'playwright-core';
import { type AssetFile, browserAssetFiles } from '../browser-assets.node.js';

const repo = fileURLToPath(new URL('../../../../', import.meta.url));

/**
 * Chromium's own update, time and sign-in services, which it calls through the proxy whatever
 * the page does (they come on about:blank too): the browser's traffic, not the page's.
 */
export const CHROMIUM_SERVICES = /^(CONNECT |https?:\/\/)([a-z0-9-]+\.)*(google\.com|googleapis\.com)[:/]/;

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Why the Chromium tests cannot run here, or undefined when they can. On CI a missing browser
 * is a failure, not a skip: the caller throws this reason there.
 */
export function chromiumMissing(): string | undefined {
  return existsSync(CHROMIUM_PATH)
    ? undefined
    : `no Chromium at ${CHROMIUM_PATH} (install Debian's chromium or set CHROMIUM_PATH)`;
}

/**
 * The monorepo's packages from source, as vitest's alias does (`@sohoa/x/y` → packages/x/src/y.ts,
 * `sohoa/y` → packages/sohoa/src/y.ts): the bundle tests the code under test, not a stale dist.
 */
const fromSource: Plugin = {
  name: 'sohoa-source',
  setup(b) {
    b.onResolve({ filter: /^(@sohoa\/[a-z]+|sohoa)(\/[a-z.-]+)?$/ }, (args) => {
      const [name, sub] = args.path.startsWith('@')
        ? [args.path.split('/')[1]!, args.path.split('/')[2]]
        : ['sohoa', args.path.split('/')[1]];
      return { path: path.join(repo, 'packages', name, 'src', `${sub ?? 'index'}.ts`) };
    });
  },
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.json': 'application/json',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
};

/** What an MV3 extension page allows: its own scripts and wasm; no eval, no blob: or remote workers. */
const CSP = "script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; object-src 'none'";

export interface ChromiumHarness {
  /** `http://127.0.0.1:PORT/` */
  base: string;
  /** The asset base the page passes to `browserAssetsAt`. */
  assetsBase: string;
  page: Page;
  /** Every URL the page and its workers requested, as Playwright sees them. */
  requests: string[];
  /** Every URL this server answered for the browser (nested workers' requests included). */
  served: string[];
  /** Requests for any other host, refused: should stay empty. */
  external: string[];
  /** Requests that failed or answered 4xx/5xx, with why. */
  failures: string[];
  /** Console errors and uncaught exceptions, for messages. */
  errors: string[];
  close(): Promise<void>;
}

export interface HarnessOptions {
  /** Entry scripts by output name (`page.js`, `worker.js`): TypeScript files bundled for the browser. */
  entries: Record<string, string>;
  /** Extra files to serve: URL path → file on disk. */
  files?: Record<string, string>;
  /** Asset copies; default `browserAssetFiles()`. */
  assets?: AssetFile[];
  /** Module replacements for the bundle (esbuild's `alias`). */
  alias?: Record<string, string>;
}

/** Bundle, copy, serve and open the page (`index.html` loading `page.js` as a module). */
export async function startChromium(options: HarnessOptions): Promise<ChromiumHarness> {
  const dir = await mkdtemp(path.join(tmpdir(), 'sohoa-chromium-'));
  let server: Server | undefined;
  let browser: Browser | undefined;
  try {
    for (const file of options.assets ?? browserAssetFiles()) {
      const to = path.join(dir, 'assets', ...file.to.split('/'));
      await mkdir(path.dirname(to), { recursive: true });
      await copyFile(file.from, to);
    }
    await build({
      entryPoints: Object.fromEntries(
        Object.entries(options.entries).map(([name, file]) => [name.replace(/\.js$/, ''), file]),
      ),
      outdir: dir,
      bundle: true,
      // A browser bundle: any `node:` import below the entries fails the build, hence the test.
      platform: 'browser',
      format: 'esm',
      target: 'chrome120',
      plugins: [fromSource],
      ...(options.alias ? { alias: options.alias } : {}),
      logLevel: 'error',
    });
    await writeFile(
      path.join(dir, 'index.html'),
      '<!doctype html><meta charset="utf-8"><title>sohoa</title><script type="module" src="/page.js"></script>',
    );
    const extra = options.files ?? {};
    const served: string[] = [];
    const external: string[] = [];
    server = createServer(async (req, res) => {
      // A proxy request names its target in full ("GET http://host/path").
      if (/^[a-z]+:\/\//i.test(req.url ?? '')) {
        external.push(req.url!);
        res.writeHead(403).end();
        return;
      }
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      served.push(url.pathname);
      const file = extra[url.pathname] ?? path.join(dir, ...decodeURIComponent(url.pathname).split('/'));
      if (!file.startsWith(dir) && !Object.values(extra).includes(file)) {
        res.writeHead(403).end();
        return;
      }
      try {
        const body = await readFile(file);
        res.writeHead(200, {
          'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CSP,
          'cache-control': 'no-store',
        });
        res.end(body);
      } catch {
        res.writeHead(404).end();
      }
    });
    // HTTPS (and websockets) through a proxy start with CONNECT.
    server.on('connect', (req, socket) => {
      external.push(`CONNECT ${req.url}`);
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    const base = `http://127.0.0.1:${port}/`;
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        // Loopback bypasses the proxy (Chromium's default): only other hosts reach it as a proxy.
        `--proxy-server=http://127.0.0.1:${port}`,
      ],
    });
    const context = await browser.newContext();
    const requests: string[] = [];
    const failures: string[] = [];
    const errors: string[] = [];
    // Context-wide, so requests of the page's workers (tesseract's, pdf.js's, ours) count too.
    context.on('request', (r) => requests.push(r.url()));
    context.on('requestfailed', (r) => failures.push(`${r.url()}: ${r.failure()?.errorText}`));
    context.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.url()}: HTTP ${r.status()}`);
    });
    // Anything not served here is refused (and stays recorded above), so a CDN fallback fails loudly.
    await context.route(
      (url) => !url.href.startsWith(base),
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${base}index.html`);
    await page
      .waitForFunction(() => (globalThis as { sohoaReady?: boolean }).sohoaReady === true, undefined, {
        timeout: 20_000,
      })
      .catch((error: Error) => {
        throw new Error(
          `the test page did not start: ${[...errors, ...failures].join('; ') || error.message}`,
        );
      });
    const opened = { server, browser };
    return {
      base,
      assetsBase: `${base}assets/`,
      page,
      requests,
      served,
      external,
      failures,
      errors,
      async close() {
        await opened.browser.close();
        await new Promise<void>((resolve) => opened.server.close(() => resolve()));
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser?.close();
    server?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
