export * from './ocr-document.js';
