import { browser } from 'wxt/browser';
import { extensionUrl } from './extension-url';
import { t } from './i18n';
import { interceptionRules, RULE_IDS } from './interception';
import { interceptPdfs } from './settings';
import { isOpenableUrl, viewerPath } from './viewer-url';

/*
 * What the service worker does, as plain functions so tests can call them against WXT's fake
 * browser: keep the PDF redirect rules in step with the setting, offer "Số hóa với sohoa" on links,
 * images and pages, and open the viewer from the toolbar button.
 */

export const MENU_ID = 'sohoa-digitise';

export async function syncInterception(): Promise<void> {
  const wanted = (await interceptPdfs.getValue()) ? interceptionRules(extensionUrl(viewerPath())) : [];
  // Replace only ours, in one call: concurrent syncs (install and a setting change) cannot collide.
  await browser.declarativeNetRequest.updateDynamicRules({ removeRuleIds: RULE_IDS, addRules: wanted });
}

export async function createMenus(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: await t('menuDigitise'),
    contexts: ['link', 'image', 'page', 'frame'],
  });
}

/** The document a context-menu click points at: the link, else the image, else the frame or page. */
export function targetOfClick(info: {
  linkUrl?: string;
  srcUrl?: string;
  frameUrl?: string;
  pageUrl?: string;
}): string | null {
  for (const url of [info.linkUrl, info.srcUrl, info.frameUrl, info.pageUrl]) {
    if (url && isOpenableUrl(url)) return url;
  }
  return null;
}

/** Open the viewer in a new tab beside `openerTabId`, on a document or on its drop zone. */
export async function openViewer(file: string | null, openerTabId?: number): Promise<void> {
  const url = extensionUrl(viewerPath(file ?? undefined));
  await browser.tabs.create({ url, ...(openerTabId !== undefined ? { openerTabId } : {}) });
}

const DOCUMENT_URL = /\.(pdf|png|jpe?g|tiff?|webp|bmp|gif)([?#].*)?$/i;

/** The toolbar button: the current tab's document when it is one, else the viewer's drop zone. */
export async function onActionClick(tab: { id?: number; url?: string }): Promise<void> {
  const url = tab.url && isOpenableUrl(tab.url) && DOCUMENT_URL.test(tab.url) ? tab.url : null;
  await openViewer(url, tab.id);
}

/**
 * A file:// PDF when the user has not allowed file access: Chromium applies no redirect rule to it, so
 * its own viewer would open it. Send the tab to sohoa's viewer instead, which explains how to allow
 * access (as pdf.js's extension does). Returns whether the tab was redirected.
 */
export async function onFileNavigation(details: {
  tabId: number;
  url: string;
  frameId: number;
}): Promise<boolean> {
  if (details.frameId !== 0 || !/^file:\/\/.*\.pdf$/i.test(details.url)) return false;
  if (!(await interceptPdfs.getValue())) return false;
  if (await browser.extension.isAllowedFileSchemeAccess()) return false; // the rule handles it
  await browser.tabs.update(details.tabId, { url: extensionUrl(viewerPath(details.url)) });
  return true;
}
