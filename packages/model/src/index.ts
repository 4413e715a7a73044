export * from './ocr-document.js';
export * from './plan.js';
