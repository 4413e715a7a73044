export type { DigitisedDocument, DocumentMessage, ExportFormat } from '@sohoa/export';
export {
  type DigitiseCallbacks,
  type Digitised,
  type DigitiseInput,
  type DigitiseOptions,
  type DigitiseProgress,
  digitise,
  type Stage,
} from './digitise.js';
export { DigitiseError, type DigitiseErrorCode, isDigitiseError } from './errors.js';
export { type CorrectionChoice, editTask, reviseDocument, type TaskEdit } from './revise.js';
