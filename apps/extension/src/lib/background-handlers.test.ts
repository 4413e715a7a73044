import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createMenus,
  MENU_ID,
  onActionClick,
  onFileNavigation,
  openViewer,
  syncInterception,
  targetOfClick,
} from './background-handlers';
import { interceptPdfs, uiLanguage } from './settings';
import { fileFromLocation } from './viewer-url';

type Rule = Browser.declarativeNetRequest.Rule;

/*
 * WXT's fake browser has tabs, runtime and storage; declarativeNetRequest and contextMenus it lacks,
 * so they get small in-memory stand-ins with the same calls (what Chromium keeps: a rule list, a menu list).
 */
function installMissingApis() {
  let rules: Rule[] = [];
  const menus: Browser.contextMenus.CreateProperties[] = [];
  Object.assign(fakeBrowser, {
    declarativeNetRequest: {
      getDynamicRules: async () => rules,
      updateDynamicRules: async ({
        removeRuleIds = [],
        addRules = [],
      }: Browser.declarativeNetRequest.UpdateRuleOptions) => {
        rules = [...rules.filter((r) => !removeRuleIds.includes(r.id)), ...addRules];
      },
    },
    contextMenus: {
      removeAll: async () => {
        menus.length = 0;
      },
      create: (props: Browser.contextMenus.CreateProperties) => {
        menus.push(props);
        return props.id;
      },
    },
  });
  return { rules: () => rules, menus };
}

const VIEWER = 'chrome-extension://test/viewer.html';

/** What Chromium does with a redirect rule's regexSubstitution: \0 is the whole URL matched. */
function redirected(rule: Rule, url: string): string | null {
  const filter = rule.condition.regexFilter;
  const substitution = rule.action.redirect?.regexSubstitution;
  if (!filter || !substitution) return null;
  const match = new RegExp(filter).exec(url);
  return match ? substitution.replace('\\0', match[0]) : null;
}

describe('background', () => {
  let apis: ReturnType<typeof installMissingApis>;
  beforeEach(() => {
    fakeBrowser.reset();
    apis = installMissingApis();
    vi.spyOn(fakeBrowser.runtime, 'getURL').mockImplementation(
      (path: string) => `chrome-extension://test${path}`,
    );
  });

  it('registers the PDF redirect rules, and removes them when the user turns interception off', async () => {
    await syncInterception();
    const rules = apis.rules();
    expect(rules.map((r) => r.id).sort()).toEqual([1, 2]);
    const http = rules.find((r) => r.condition.responseHeaders);
    expect(http?.condition.responseHeaders?.[0]).toMatchObject({ header: 'content-type' });
    expect(http?.condition.resourceTypes).toEqual(['main_frame', 'sub_frame']);
    expect(http?.condition.excludedResponseHeaders?.[0]?.header).toBe('content-disposition');
    // A PDF answering a form post cannot be fetched again by the viewer: left to the browser.
    expect(http?.condition.excludedRequestMethods).toEqual(['post']);
    await interceptPdfs.setValue(false);
    await syncInterception();
    expect(apis.rules()).toEqual([]);
  });

  it('redirects to a viewer address from which the viewer reads the document URL back whole', async () => {
    await syncInterception();
    const http = apis.rules().find((r) => r.id === 1) as Rule;
    const file = apis.rules().find((r) => r.id === 2) as Rule;
    const url = 'https://portal.example.vn/van-ban/tai?id=12&kind=pdf#page=2';
    const target = redirected(http, url);
    expect(target?.startsWith(`${VIEWER}?file=`)).toBe(true);
    const address = new URL(target as string);
    expect(fileFromLocation(address.search, address.hash)).toBe(url);
    expect(redirected(file, 'file:///home/van-thu/Kế hoạch 45.PDF')).toContain('file=file:///');
    expect(redirected(file, 'file:///home/van-thu/notes.txt')).toBeNull();
    expect(redirected(http, 'chrome://settings')).toBeNull();
  });

  it('offers "Số hóa với sohoa" on links, images and pages, in the chosen language', async () => {
    await createMenus();
    expect(apis.menus).toEqual([
      { id: MENU_ID, title: 'Số hóa với sohoa', contexts: ['link', 'image', 'page', 'frame'] },
    ]);
    await uiLanguage.setValue('en');
    await createMenus();
    expect(apis.menus.map((m) => m.title)).toEqual(['Digitise with sohoa']);
  });

  it('opens the link, else the image, else the page of a right-click; never a non-web URL', () => {
    expect(
      targetOfClick({
        linkUrl: 'https://a.vn/kh.pdf',
        srcUrl: 'https://a.vn/x.png',
        pageUrl: 'https://a.vn/',
      }),
    ).toBe('https://a.vn/kh.pdf');
    expect(targetOfClick({ srcUrl: 'https://a.vn/scan.jpg', pageUrl: 'https://a.vn/' })).toBe(
      'https://a.vn/scan.jpg',
    );
    expect(targetOfClick({ linkUrl: 'javascript:alert(1)', pageUrl: 'https://a.vn/p' })).toBe(
      'https://a.vn/p',
    );
    expect(targetOfClick({ pageUrl: 'chrome://newtab' })).toBeNull();
  });

  it('the toolbar button opens the tab’s document in the viewer, or the viewer’s drop zone', async () => {
    await onActionClick({ id: 7, url: 'https://a.vn/files/ke-hoach.pdf?v=2' });
    await onActionClick({ id: 8, url: 'https://a.vn/tin-tuc' });
    await openViewer(null);
    const tabs = await fakeBrowser.tabs.query({});
    const urls = tabs.map((t) => t.url);
    expect(urls).toContain(`${VIEWER}?file=${encodeURIComponent('https://a.vn/files/ke-hoach.pdf?v=2')}`);
    expect(urls.filter((u) => u === VIEWER)).toHaveLength(2);
  });

  it('sends a file:// PDF to the viewer (which explains file access) only when no rule can', async () => {
    const tab = await fakeBrowser.tabs.create({ url: 'file:///home/van-thu/ke-hoach.pdf' });
    const id = tab.id as number;
    const access = { allowed: false };
    Object.assign(fakeBrowser, { extension: { isAllowedFileSchemeAccess: async () => access.allowed } });
    expect(await onFileNavigation({ tabId: id, frameId: 1, url: 'file:///x/a.pdf' })).toBe(false);
    expect(await onFileNavigation({ tabId: id, frameId: 0, url: 'file:///x/a.txt' })).toBe(false);
    expect(await onFileNavigation({ tabId: id, frameId: 0, url: 'file:///home/van-thu/ke-hoach.pdf' })).toBe(
      true,
    );
    expect((await fakeBrowser.tabs.get(id)).url).toBe(
      `${VIEWER}?file=${encodeURIComponent('file:///home/van-thu/ke-hoach.pdf')}`,
    );
    access.allowed = true; // then the redirect rule applies, not this
    expect(await onFileNavigation({ tabId: id, frameId: 0, url: 'file:///home/van-thu/b.pdf' })).toBe(false);
    await interceptPdfs.setValue(false);
    access.allowed = false;
    expect(await onFileNavigation({ tabId: id, frameId: 0, url: 'file:///home/van-thu/c.pdf' })).toBe(false);
  });
});
