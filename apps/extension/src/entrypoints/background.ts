import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import {
  createMenus,
  MENU_ID,
  onActionClick,
  onFileNavigation,
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
  // Firefox's MV2 build has browserAction where MV3 has action.
  (browser.action ?? browser.browserAction).onClicked.addListener((tab) => void onActionClick(tab));
  browser.webNavigation.onBeforeNavigate.addListener((details) => void onFileNavigation(details), {
    url: [
      { urlPrefix: 'file://', pathSuffix: '.pdf' },
      { urlPrefix: 'file://', pathSuffix: '.PDF' },
    ],
  });
});
