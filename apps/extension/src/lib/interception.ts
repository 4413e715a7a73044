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
export const RULE_IDS = [PDF_RULE_ID, FILE_PDF_RULE_ID];

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
        // A PDF that answers a form (a portal's "In" button) cannot be fetched again by the viewer.
        excludedRequestMethods: ['post'],
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
