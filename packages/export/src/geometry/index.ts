export { correctedLayout, type GeometrySource } from './corrected-layout.js';
export { locateWords, type PlacedWord } from './locate-words.js';
export {
  type CorrectedBlock,
  type CorrectedLayout,
  type CorrectedLine,
  type CorrectedPage,
  type CorrectedWord,
  GeometryError,
} from './types.js';
