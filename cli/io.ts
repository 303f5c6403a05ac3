/**
 * Output helpers for commands: the CLI is the only part of loire that prints.
 */
import { LoireError } from '../src/errors.js';
import { UsageError } from './args.js';

/** Where a command writes; tests pass their own. */
export interface Io {
  out(text: string): void;
  err(text: string): void;
  /** True when standard error is a terminal (progress is shown only then). */
  isTty: boolean;
}

/** The process's own streams. */
export const processIo: Io = {
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  isTty: Boolean(process.stderr.isTTY),
};

/**
 * Reports a failure as one line (or, with `json`, as `{"error":{"code","message"}}` on stdout)
 * and returns exit status 2. Errors that are not the library's or the CLI's are re-thrown: they
 * are bugs and should show their stack.
 */
export function reportError(e: unknown, io: Io, json: boolean): number {
  let code: string;
  let message: string;
  if (e instanceof LoireError) {
    code = e.code;
    message = e.message;
  } else if (e instanceof UsageError) {
    code = e.code;
    message = e.message;
  } else if (e instanceof TypeError || e instanceof RangeError) {
    code = 'INVALID_ARGUMENT';
    message = e.message;
  } else {
    throw e;
  }
  if (json) io.out(JSON.stringify({ error: { code, message } }));
  else io.err(`loire: ${message}`);
  return 2;
}
