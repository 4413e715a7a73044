export {
  type DecodedImage,
  type Decoders,
  defaultReaderOptions,
  guessDpi,
  openDocument,
  type PageSource,
  type PreparedPage,
  type ReaderOptions,
} from './document-reader.js';
export { isOcrInputError, type OcrErrorCode, OcrInputError } from './errors.js';
export { createGrayImage, encodePgm, type GrayImage, grayFromRgba, otsuThreshold } from './gray-image.js';
export { blocksText, type LayoutOptions, layoutPage, type RawLine } from './layout.js';
export { embeddedImageDpi, openPdf, type PdfjsModule, readTextLayer } from './pdf.js';
export { type PoolOptions, WorkerPool } from './pool.js';
export { sauvolaBinarize } from './preprocess/binarize.js';
export { medianFilter3, speckleRatio } from './preprocess/denoise.js';
export { estimateSkew, type SkewEstimate } from './preprocess/deskew.js';
export { resize, rotate, shrink } from './preprocess/geometry.js';
export {
  defaultPreprocessOptions,
  type PreprocessOptions,
  type PreprocessResult,
  preprocess,
} from './preprocess/pipeline.js';
export {
  createOcr,
  DEFAULT_MAX_PIXELS,
  DEFAULT_PAGE_TIMEOUT_MS,
  inPlacePlatform,
  mapLimit,
  type Ocr,
  type OcrOptions,
  type OcrPlatform,
  type PageProgress,
  type RecognizeCallbacks,
  type RecognizeInput,
} from './recognizer.js';
export { type InputFormat, type SniffResult, sniffInput } from './sniff.js';
export { createTesseractWorker, type TesseractAssets, type TesseractWorker } from './tesseract-engine.js';
