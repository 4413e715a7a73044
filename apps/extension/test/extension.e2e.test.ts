import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHROMIUM_SERVICES,
  interceptionReady,
  launchWithExtension,
  missingPrerequisite,
  ROOT,
  serve,
  waitForDone,
} from './chromium.mjs';

/*
 * The extension as a staff member uses it, in real Chromium with the built extension: a scanned PDF
 * opened from a web server is redirected to the viewer, read offline page by page, and shown with its
 * corrections and tasks; a correction is reverted; exports are downloaded and read back; a note is
 * added and exported. Nothing may leave 127.0.0.1 and the extension, and no page may log an error.
 */

const SAMPLE = path.join(ROOT, 'fixtures/sample/sample-plan.pdf');
const GOLD = readFileSync(path.join(ROOT, 'fixtures/sample/sample-plan.gt.txt'), 'utf8');
const missing = missingPrerequisite();
// CI must run this test: a missing Chromium or build there is a failure, not a skip.
if (missing && process.env.CI) throw new Error(`extension e2e: ${missing}`);

describe.skipIf(missing !== null)('the extension in Chromium', () => {
  let served: Awaited<ReturnType<typeof serve>>;
  let browser: Awaited<ReturnType<typeof launchWithExtension>>;
  let viewer: Page;

  beforeAll(async () => {
    served = await serve({
      '/van-ban/ke-hoach-125.pdf': { file: SAMPLE, type: 'application/pdf' },
      '/tai-ve/ke-hoach-125.pdf': { file: SAMPLE, type: 'application/pdf', attachment: true },
    });
    browser = await launchWithExtension({ proxy: served.base });
    await interceptionReady(browser);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await served?.close();
  });

  it('intercepts a PDF navigation, reads the scan offline and shows corrected text and tasks', async () => {
    viewer = await browser.context.newPage();
    const url = `${served.base}/van-ban/ke-hoach-125.pdf`;
    await viewer.goto(url).catch(() => {}); // the navigation is replaced by the redirect
    await viewer.waitForURL(/viewer\.html\?file=/, { timeout: 30_000 });
    expect(new URL(viewer.url()).host).toBe(browser.extensionId);
    const status = await waitForDone(viewer);
    expect(status).toMatchObject({ state: 'done' });

    // Sentences of the printed plan, as the corrected text must read them.
    const text = await viewer.$eval('#sohoa-text', (el) => el.textContent ?? '');
    for (const sentence of [
      'Ban Thường vụ Tỉnh ủy ban hành Kế hoạch triển khai thực hiện như sau',
      'phát triển và ứng dụng công nghệ sinh học',
      'I- MỤC ĐÍCH, YÊU CẦU',
    ]) {
      expect(GOLD.replace(/\s+/g, ' ')).toContain(sentence);
      expect(text.replace(/\s+/g, ' ')).toContain(sentence);
    }
    // Two scanned pages, each drawn, each with a selectable text layer.
    expect(await viewer.locator('figure.page canvas').count()).toBe(2);
    expect(await viewer.locator('figure.page .text-layer span').count()).toBeGreaterThan(50);

    // The task table: the plan's first task is the districts' study of the resolution, due in Q2 2024.
    const rows = await viewer.$$eval('#tasks tr[data-task-id]', (trs) =>
      trs.map((tr) => ({
        id: (tr as HTMLElement).dataset.taskId,
        lead: (tr as HTMLElement).dataset.taskLead,
        deadline: (tr as HTMLElement).dataset.taskDeadline,
        text: tr.textContent ?? '',
      })),
    );
    expect(rows.length).toBeGreaterThan(0);
    const study = rows.find((r) => r.deadline === '2024-Q2');
    expect(study?.lead).toMatch(/huyện ủy/);
    expect(study?.text).toContain('quán triệt Nghị quyết số 36-NQ/TW');
  });

  it('reverts a correction with one click, and the text shows what the scan said', async () => {
    const mark = viewer.locator('#sohoa-text ins.corr[data-correction]').first();
    const index = await mark.getAttribute('data-correction');
    const original = (await mark.getAttribute('data-original')) as string;
    const replacement = (await mark.getAttribute('data-replacement')) as string;
    expect(original).not.toBe(replacement);
    await mark.click();
    await viewer.locator('#correction-popover button[data-action="revert"]').click();
    const reverted = viewer.locator(`#sohoa-text .corr[data-correction="${index}"]`);
    await expect.poll(() => reverted.getAttribute('data-applied')).toBe('false');
    expect(await reverted.textContent()).toBe(original);
    // Accepting it again puts the correction back.
    await reverted.focus();
    await viewer.keyboard.press('a');
    await expect.poll(() => reverted.getAttribute('data-applied')).toBe('true');
    expect(await reverted.textContent()).toBe(replacement);
  });

  it('exports the task list as CSV (with BOM, for Excel) and iCalendar, read back', async () => {
    const tasks = await viewer.locator('#tasks tr[data-task-id]').count();
    await viewer.selectOption('#export-format', 'csv');
    const [csvDownload] = await Promise.all([viewer.waitForEvent('download'), viewer.click('#export')]);
    expect(csvDownload.suggestedFilename()).toBe('Kế hoạch 125-KH-TU - nhiệm vụ.csv');
    const csv = readFileSync(await csvDownload.path());
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const records = parseCsv(csv.toString('utf8').slice(1), { columns: true }) as Record<string, string>[];
    expect(records).toHaveLength(tasks);
    const leads = await viewer.$$eval('#tasks tr[data-task-id]', (trs) =>
      trs.map((tr) => (tr as HTMLElement).dataset.taskLead),
    );
    expect(records.map((r) => r['Chủ trì'])).toEqual(leads);

    await viewer.selectOption('#export-format', 'ics');
    const [icsDownload] = await Promise.all([viewer.waitForEvent('download'), viewer.click('#export')]);
    expect(icsDownload.suggestedFilename()).toMatch(/\.ics$/);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(await icsDownload.path(), 'utf8')));
    const todos = calendar.getAllSubcomponents('vtodo');
    const dated = await viewer.locator('#tasks tr[data-task-deadline]:not([data-task-deadline=""])').count();
    expect(todos.length).toBeGreaterThanOrEqual(dated);
    expect(todos.length).toBeGreaterThan(0);
  });

  it('anchors a note on a passage, keeps it through a re-correction, and exports Web Annotations', async () => {
    // Select a phrase of the corrected text as a user would (a DOM selection).
    const phrase = 'công nghệ sinh học';
    await viewer.evaluate((needle) => {
      const root = document.getElementById('sohoa-text') as HTMLElement;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = (node.nodeValue ?? '').indexOf(needle);
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + needle.length);
        getSelection()?.removeAllRanges();
        getSelection()?.addRange(range);
        return;
      }
      throw new Error('phrase not found in one text node');
    }, phrase);
    await expect.poll(() => viewer.locator('#add-note').isEnabled()).toBe(true);
    await viewer.click('#add-note');
    await viewer.fill('#note-body', 'Cần đối chiếu với Kế hoạch của UBND tỉnh.');
    await viewer.click('#note-save');
    await expect.poll(() => viewer.locator('#notes li[data-note-id]').count()).toBe(1);

    // Revert some other correction: the text changes, the note still finds its passage.
    await viewer.locator('#sohoa-text ins.corr[data-correction]').last().click();
    await viewer.locator('#correction-popover button[data-action="revert"]').click();
    await expect.poll(() => viewer.locator('#notes .lost').count()).toBe(0);

    const [download] = await Promise.all([viewer.waitForEvent('download'), viewer.click('#export-notes')]);
    const collection = JSON.parse(readFileSync(await download.path(), 'utf8'));
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld');
    expect(collection.type).toBe('AnnotationCollection');
    const annotation = collection.first.items[0];
    expect(annotation.body.value).toBe('Cần đối chiếu với Kế hoạch của UBND tỉnh.');
    const types = annotation.target.selector.map((s: { type: string }) => s.type);
    expect(types).toEqual(expect.arrayContaining(['TextQuoteSelector', 'TextPositionSelector']));
    expect(
      annotation.target.selector.find((s: { type: string }) => s.type === 'TextQuoteSelector').exact,
    ).toBe(phrase);
  });

  it('opens viewer.html?file= directly, instantly from its local copy the second time', async () => {
    const page = await browser.context.newPage();
    const started = Date.now();
    await page.goto(
      `chrome-extension://${browser.extensionId}/viewer.html?file=${encodeURIComponent(`${served.base}/van-ban/ke-hoach-125.pdf`)}`,
    );
    expect(await waitForDone(page, 60_000)).toMatchObject({ state: 'done' });
    expect(Date.now() - started).toBeLessThan(30_000);
    // The edits made above were kept: the reverted correction is still reverted.
    expect(await page.locator('#sohoa-text .corr[data-applied="false"]').count()).toBeGreaterThan(0);
    expect(await page.locator('#notes li[data-note-id]').count()).toBe(1);
    await page.setViewportSize({ width: 1600, height: 1000 });
    const shot = process.env.SOHOA_SCREENSHOT;
    if (shot) await page.screenshot({ path: shot });
    await page.close();
  });

  it('leaves a download (Content-Disposition: attachment) alone', async () => {
    const page = await browser.context.newPage();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.goto(`${served.base}/tai-ve/ke-hoach-125.pdf`).catch(() => {}),
    ]);
    expect(download.url()).toContain('/tai-ve/');
    await page.close();
  });

  it('sent nothing beyond 127.0.0.1 and the extension, and logged no errors', () => {
    const allowed = [served.base, `chrome-extension://${browser.extensionId}/`, 'blob:', 'data:'];
    const outside = browser.requests.filter((u) => !allowed.some((a) => u.startsWith(a)));
    expect(outside).toEqual([]);
    // Anything for another host went through the proxy: only Chromium's own services may be there.
    expect(served.proxied.filter((u) => !CHROMIUM_SERVICES.test(u))).toEqual([]);
    expect(browser.requests.some((u) => u.includes('/assets/tesseract/'))).toBe(true);
    expect(browser.errors).toEqual([]);
  });
});
