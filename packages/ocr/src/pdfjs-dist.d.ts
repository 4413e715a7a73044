// pdfjs-dist types its main entry and the legacy build, not the modern build's file by path,
// which browsers import (`@sohoa/ocr/browser`): it is the same API.
declare module 'pdfjs-dist/build/pdf.mjs' {
  export * from 'pdfjs-dist';
}
