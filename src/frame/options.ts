/**
 * Checks of the per-frame decode options, so a wrong one is reported as a TypeError or
 * RangeError naming it rather than as a MIC that silently fails.
 * @internal
 */
import type { FrameDecodeOptions } from './types.js';

const NONE: FrameDecodeOptions = {};

/** An unsigned integer of at most `bits` bits, or undefined. */
export function optionalUint(value: unknown, name: string, bits: number): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value)) {
    throw new TypeError(`${name}: expected an integer, got ${String(value)}`);
  }
  const max = 2 ** bits - 1;
  if (value < 0 || value > max) {
    throw new RangeError(`${name}: expected 0 to ${max}, got ${value}`);
  }
  return value;
}

/** Validates `options` (any may be absent) and returns it. @internal */
export function checkDecodeOptions(options: FrameDecodeOptions | undefined): FrameDecodeOptions {
  if (options === undefined) return NONE;
  if (options === null || typeof options !== 'object') {
    const got = options === null ? 'null' : typeof options;
    throw new TypeError(`options: expected an object, got ${got}`);
  }
  optionalUint(options.fCnt, 'fCnt', 32);
  optionalUint(options.confFCnt, 'confFCnt', 32);
  optionalUint(options.txDr, 'txDr', 8);
  optionalUint(options.txCh, 'txCh', 8);
  const parse = options.parseMacCommands;
  if (parse !== undefined && typeof parse !== 'boolean') {
    throw new TypeError(`parseMacCommands: expected a boolean, got ${typeof parse}`);
  }
  const req = options.joinRequest;
  if (req !== undefined) {
    if (req === null || typeof req !== 'object') {
      throw new TypeError('joinRequest: expected { joinEui, devNonce, joinReqType?, devEui? }');
    }
    optionalUint(req.devNonce, 'joinRequest.devNonce', 16);
    if (req.devNonce === undefined) throw new TypeError('joinRequest.devNonce: missing');
    if (req.joinEui === undefined) throw new TypeError('joinRequest.joinEui: missing');
    const type = optionalUint(req.joinReqType, 'joinRequest.joinReqType', 8);
    if (type !== undefined && type !== 0xff && type > 2) {
      throw new RangeError(`joinRequest.joinReqType: expected 0xff, 0, 1 or 2, got ${type}`);
    }
  }
  return options;
}
