export {
  type AnchorOptions,
  anchor,
  CONTEXT_LENGTH,
  moveThroughEdit,
  type ReanchoredNote,
  type Resolved,
  reanchorNotes,
  resolve,
  type SelectorsByKind,
  type Span,
  selectorsByKind,
  type TextEdit,
} from './anchor.js';
export { AnnotationError, type AnnotationErrorCode, isAnnotationError } from './errors.js';
export {
  Box,
  Note,
  NoteTarget,
  PageSelector,
  Selector,
  Selectors,
  TextPositionSelector,
  TextQuoteSelector,
} from './schema.js';
export { indexText, TextIndex } from './text.js';
export {
  ANNOTATION_CONTEXT,
  fromWebAnnotations,
  MEDIA_FRAGMENT,
  PDF_FRAGMENT,
  SOHOA_NAMESPACE,
  type Software,
  type ToWebAnnotationsOptions,
  toWebAnnotations,
  type WebAnnotation,
  type WebAnnotationCollection,
  type WebAnnotationPage,
  type WebFragmentSelector,
  type WebSelector,
  type WebTextPositionSelector,
  type WebTextQuoteSelector,
} from './web-annotation.js';
