import type { Browser } from 'wxt/browser';

type Rule = Browser.declarativeNetRequest.Rule;

/*
 * PDF navigations open in sohoa's viewer, as pdf.js's Chromium extension does it: a dynamic
 * declarativeNetRequest rule matching the `content-type: application/pdf` response header of
 * top-level and frame navigations redirects to `viewer.html?file=<the URL>`. Downloads
 * (Content-Disposition: attachment) are left alone, and so are the viewer's own fetches (they are
 * not navigations). file:// responses have no headers: those are matched by their `.pdf` name.
 */

export const PDF_RULE_ID = 1;
export const FILE_PDF_RULE_ID = 2;

export function interceptionRules(viewerUrl: string): Rule[] {
  const redirect = { type: 'redirect' as const, redirect: { regexSubstitution: `${viewerUrl}?file=\\0` } };
  return [
    {
      id: PDF_RULE_ID,
      priority: 1,
      action: redirect,
      condition: {
        regexFilter: '^https?://.*$',
        resourceTypes: ['main_frame', 'sub_frame'],
        responseHeaders: [{ header: 'content-type', values: ['application/pdf', 'application/pdf;*'] }],
        excludedResponseHeaders: [{ header: 'content-disposition', values: ['attachment*'] }],
      },
    } as Rule,
    {
      id: FILE_PDF_RULE_ID,
      priority: 1,
      action: redirect,
      condition: { regexFilter: '^file://.*\\.[pP][dD][fF]$', resourceTypes: ['main_frame', 'sub_frame'] },
    } as Rule,
  ];
}
