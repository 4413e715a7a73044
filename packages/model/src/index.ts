export * from './correction.js';
export * from './ocr-document.js';
export * from './plan.js';
export * from './plan-hast.js';
export * from './plan-mdast.js';
export * from './plan-tree.js';
export * from './plan-tree-nodes.js';
export * from './plan-tree-render.js';
