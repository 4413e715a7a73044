export { Correction, CorrectionAlternative, CorrectionList, CorrectionReason } from '@sohoa/model';
export {
  type AlignedPair,
  alignWords,
  rightWords,
  scoreCorrection,
  type WordScore,
  type WrongGroup,
  words,
} from './align.js';
export { type CalibrationStats, calibrate, type PairedPage } from './channel/calibrate.js';
export { compileTable, type EditOp, editCost } from './channel/cost.js';
export { documentTable, learnTable, type Repair, repairsOf } from './channel/document.js';
export { OCR_ENGINES, type OcrEngine, TESSERACT_TABLE, tableForEngine } from './channel/engines.js';
export { type ChannelTable, DEFAULT_TABLE, errorRateOf, PRIOR_TABLE } from './channel/table.js';
export {
  type CorrectOptions,
  type CorrectResult,
  correct,
  DEFAULT_SUGGEST,
  DEFAULT_THRESHOLD,
} from './correct.js';
export { type DocNumberRepair, repairDocumentNumbers } from './docnumber.js';
export { CorrectError, type CorrectErrorCode, isCorrectError } from './errors.js';
export { type HeadingRepair, repairHeadings } from './headings.js';
export * from './lm/index.js';
export { findLookalikes, type LookalikeRepair } from './lookalike.js';
export {
  type CorrectionMessage,
  correctionMessages,
  MESSAGE_SOURCE,
  messageReason,
  reportCorrections,
} from './messages.js';
export {
  type SohoaCorrectOptions,
  sohoaCorrect,
  sohoaTextParse,
  sohoaTextStringify,
  type TextRoot,
} from './plugin.js';
export { type Revision, type RevisionChoice, reviseCorrection, type TextEdit } from './revise.js';
