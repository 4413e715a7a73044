import { catalogs, type MessageKey } from './messages';
import { type UiLanguage, uiLanguage } from './settings';

/** A message in a language, placeholders {0}, {1}… filled in order. */
export function translate(language: UiLanguage, key: MessageKey, ...args: (string | number)[]): string {
  const template = catalogs[language][key] ?? catalogs.vi[key];
  return template.replace(/\{(\d+)\}/g, (whole, i: string) => {
    const value = args[Number(i)];
    return value === undefined ? whole : String(value);
  });
}

/** A message in the language the user chose (Vietnamese unless they switched). */
export async function t(key: MessageKey, ...args: (string | number)[]): Promise<string> {
  return translate(await uiLanguage.getValue(), key, ...args);
}

/**
 * Fill every element of a page marked `data-i18n="key"` (its text) or `data-i18n-attr="attr:key"`
 * (an attribute such as aria-label or title), and set the page's `lang`.
 */
export function localise(root: ParentNode & { documentElement?: HTMLElement }, language: UiLanguage): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    el.textContent = translate(language, el.dataset.i18n as MessageKey);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-attr]')) {
    for (const pair of (el.dataset.i18nAttr ?? '').split(';')) {
      const [attr, key] = pair.split(':');
      if (attr && key) el.setAttribute(attr.trim(), translate(language, key.trim() as MessageKey));
    }
  }
  if (root.documentElement) root.documentElement.lang = language;
}
