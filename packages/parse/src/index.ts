export { findCoordinators, findSubject, headingNamesBody, splitBodies } from './bodies.js';
export { findDeadline, findRecurrence, parseDateLine, parsePartialDate, parseTimeValue } from './dates.js';
export { ParseError, type ParseErrorCode } from './errors.js';
export { parseDocNumber, titleDocType } from './header.js';
export { planToMarkdown } from './markdown.js';
export { type HeadingMarker, parseHeadingMarker } from './numbering.js';
export { type ParseOptions, parse } from './parse.js';
export { sohoaParse, sohoaPlan } from './plugin.js';
export { findReferences } from './references.js';
