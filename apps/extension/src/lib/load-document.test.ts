import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchDocument, LoadError, openUrl } from './load-document';

// A real HTTP server on 127.0.0.1: what the viewer meets when it fetches a document.
let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === '/ke-hoach.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end(Buffer.from('%PDF-1.7 test'));
    } else if (req.url === '/empty.pdf') {
      res.writeHead(200, { 'content-type': 'application/pdf' });
      res.end();
    } else {
      res.writeHead(404, 'Not Found');
      res.end();
    }
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((done) => server.close(() => done())));

describe('fetchDocument', () => {
  it('reads the bytes and names the document after its URL', async () => {
    const doc = await fetchDocument(`${base}/ke-hoach.pdf`);
    expect(doc.name).toBe('ke-hoach.pdf');
    expect(new TextDecoder().decode(doc.bytes)).toBe('%PDF-1.7 test');
  });
  it('fails in one line naming the file and the problem', async () => {
    await expect(fetchDocument(`${base}/missing.pdf`)).rejects.toThrow(/^missing\.pdf: HTTP 404 Not Found$/);
    await expect(fetchDocument(`${base}/empty.pdf`)).rejects.toThrow(/empty\.pdf: the file is empty/);
    const refused = fetchDocument('http://127.0.0.1:1/x.pdf');
    await expect(refused).rejects.toBeInstanceOf(LoadError);
    await expect(refused).rejects.toMatchObject({ code: 'network' });
  });
});

describe('openUrl', () => {
  it('refuses a file:// document before fetching when file access is off, with the code the viewer explains', async () => {
    let fetched = false;
    const fetcher = (async () => {
      fetched = true;
      return new Response('x');
    }) as typeof fetch;
    const refused = openUrl('file:///home/van-thu/ke-hoach.pdf', {
      fileAccessAllowed: async () => false,
      fetcher,
    });
    await expect(refused).rejects.toMatchObject({ code: 'file-access' });
    expect(fetched).toBe(false);
    const allowed = await openUrl('file:///home/van-thu/ke-hoach.pdf', {
      fileAccessAllowed: async () => true,
      fetcher,
    });
    expect(allowed.name).toBe('ke-hoach.pdf');
  });
  it('fetches web documents whatever the file-access switch says', async () => {
    const doc = await openUrl(`${base}/ke-hoach.pdf`, { fileAccessAllowed: async () => false });
    expect(doc.bytes.length).toBeGreaterThan(0);
  });
});
