export {
  buildSyllableLm,
  estimateDiscounts,
  LmBuilder,
  type LmBuildOptions,
  type LmBuildResult,
  type LmBuildStats,
} from './lm/builder.js';
