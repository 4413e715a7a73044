export { FORMAT_VERSION, LmFormatError, MAGIC } from './format.js';
export { HOLDOUT_BUCKETS, holdoutHash, isHeldOut } from './holdout.js';
export { fetchSyllableLm, loadSyllableLm, type SyllableLm } from './loader.js';
export { type PerplexityReport, perplexity } from './perplexity.js';
export {
  BOS,
  CLASS_TOKENS,
  EOS,
  formKind,
  LM_TOKEN_KINDS,
  type LmSpan,
  type LmTokenKind,
  lmSegment,
  lmSentences,
  lmTokens,
  rawForm,
  SPECIAL_TOKENS,
  tokenForm,
  UNK,
  wordForm,
} from './tokens.js';
