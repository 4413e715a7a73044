import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  createMenus,
  MENU_ID,
  onActionClick,
  openViewer,
  syncInterception,
  targetOfClick,
} from '../lib/background-handlers';
import { interceptPdfs, uiLanguage } from '../lib/settings';

export default defineBackground(() => {
  browser.runtime.onInstalled.addListener(() => {
    void syncInterception();
    void createMenus();
  });
  browser.runtime.onStartup.addListener(() => void syncInterception());
  interceptPdfs.watch(() => void syncInterception());
  uiLanguage.watch(() => void createMenus());
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId !== MENU_ID) return;
    void openViewer(targetOfClick(info), tab?.id);
  });
  browser.action.onClicked.addListener((tab) => void onActionClick(tab));
});
