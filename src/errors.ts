/**
 * The one error class that loire throws for bad data.
 *
 * Wrong argument types and lengths throw `TypeError` / `RangeError` naming the argument; data
 * that does not decode (a truncated frame, a bad MAC command, a MIC mismatch the caller asked to
 * enforce) throws `LoireError` with a stable `code`, and where it applies the byte `offset` and
 * the spec `field` at fault.
 */

/** Stable machine-readable reasons carried by {@link LoireError}. */
export type LoireErrorCode =
  | 'TRUNCATED'
  | 'TOO_LONG'
  | 'INVALID_VALUE'
  | 'UNSUPPORTED'
  | 'UNKNOWN_MTYPE'
  | 'UNKNOWN_COMMAND'
  | 'MIC_MISMATCH'
  | 'MISSING_KEY'
  | 'BAD_ENCODING';

/** Details attached to a {@link LoireError}. */
export interface LoireErrorDetails {
  /** Byte offset in the input where the problem was found. */
  offset?: number;
  /** The spec name of the field at fault, such as `FOpts` or `FHDR`. */
  field?: string;
}

/**
 * Error thrown for input data that cannot be decoded or is inconsistent.
 *
 * @example
 * ```ts
 * try { decodePhyPayload(bytes); } catch (e) {
 *   if (e instanceof LoireError) console.error(e.code, e.offset, e.message);
 * }
 * ```
 */
export class LoireError extends Error {
  /** Stable reason code. */
  readonly code: LoireErrorCode;
  /** Byte offset in the input, when the fault has one. */
  readonly offset: number | undefined;
  /** Spec name of the field at fault, when known. */
  readonly field: string | undefined;

  constructor(code: LoireErrorCode, message: string, details: LoireErrorDetails = {}) {
    super(message);
    this.name = 'LoireError';
    this.code = code;
    this.offset = details.offset;
    this.field = details.field;
    // Keep instanceof working when compiled to ES5-style classes by other toolchains.
    Object.setPrototypeOf(this, new.target.prototype);
  }
}
