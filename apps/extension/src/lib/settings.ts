import { storage } from 'wxt/utils/storage';

/** Open PDF navigations in the viewer (on by default; staff can switch it off in the side panel). */
export const interceptPdfs = storage.defineItem<boolean>('local:interceptPdfs', { fallback: true });

export type UiLanguage = 'vi' | 'en';
/** The interface language: Vietnamese by default, English available. */
export const uiLanguage = storage.defineItem<UiLanguage>('local:uiLanguage', { fallback: 'vi' });
