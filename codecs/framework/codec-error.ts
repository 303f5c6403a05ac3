/**
 * Thrown by codec code for bytes or data it cannot handle. The message names the message type,
 * the byte offset and what was expected, as in
 * `"status: need 4 bytes at offset 3 for counter, got 2"`.
 *
 * Built scripts run in ES5 engines, so this is a plain constructor rather than an Error
 * subclass; the framework recognises it by its `codecError` marker.
 */
export interface CodecError {
  readonly codecError: true;
  readonly message: string;
  readonly offset?: number;
}

/** Throws a {@link CodecError}. */
export function fail(message: string, offset?: number): never {
  const err: CodecError =
    offset === undefined ? { codecError: true, message } : { codecError: true, message, offset };
  throw err;
}

/** True when `e` was thrown by {@link fail}. */
export function isCodecError(e: unknown): e is CodecError {
  return typeof e === 'object' && e !== null && (e as { codecError?: unknown }).codecError === true;
}
