export type { DigitisedDocument, DocumentMessage, MessageSource } from './document.js';
