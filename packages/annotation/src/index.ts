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
