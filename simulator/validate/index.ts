/** Trace validation: read a device's recorded traffic and check it against the rules. */
export { parseTrace } from './parse.js';
export type { TraceFrame, TraceSource } from './parse.js';
export { validateTrace } from './validate.js';
export type {
  FrameReport,
  ValidateOptions,
  ValidationKeys,
  ValidationReport,
  Violation,
} from './report.js';
