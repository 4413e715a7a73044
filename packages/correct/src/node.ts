export { BUNDLED_LM_FILE, bundledLmPath, loadBundledLm } from './lm/bundled.node.js';
