/**
 * The LoRa Alliance TS013-1.0.0 payload codec API over a {@link CodecDefinition}: the functions a
 * network server calls (`decodeUplink`, `encodeDownlink`, `decodeDownlink`, and The Things
 * Stack's `normalizeUplink`), plus `encodeUplink` for simulators.
 *
 * The error rule, applied by every function here: when `errors` is not empty, the result carries
 * no value to trust. Decoders then return `data: {}` (as the Axioma reference example does) and
 * encoders `bytes: []` with no `fPort`; `errors` names what was wrong. Lists are always arrays,
 * empty when there is nothing to say (`[]`, never `[""]`). Nothing here throws: a codec
 * exception that is not a CodecError becomes an error naming its message.
 *
 * This file is bundled into the ES5 scripts, so it uses ES5 built-ins only.
 */
import { isCodecError } from './codec-error.js';
import type { Harmonised } from './harmonised.js';
import { toTtsNormalized } from './tts-normalized.js';
import type {
  Bytes,
  CodecDefinition,
  DecodeInput,
  Decoded,
  Encoded,
  EncodeInput,
} from './types.js';

/** Input of `decodeUplink` and `decodeDownlink` (TS013-1.0.0 §4.1, §4.3). */
export interface Ts013DecodeInput {
  /** The FRMPayload: integers 0 to 255, as an array or a Uint8Array. */
  bytes: ArrayLike<number>;
  fPort: number;
  /** When the frame was received: a Date or an ISO 8601 string. */
  recvTime?: Date | string;
  variables?: Record<string, unknown>;
}

/** Output of the decoders. On error `data` is `{}` and `errors` is not empty. */
export interface Ts013DecodeOutput {
  data: unknown;
  errors: string[];
  warnings: string[];
}

/** Input of `encodeDownlink` and `encodeUplink` (TS013-1.0.0 §4.2). */
export interface Ts013EncodeInput {
  data: unknown;
  variables?: Record<string, unknown>;
  /** The FPort asked for, if any (not in TS013; some hosts pass it). Codecs may ignore it. */
  fPort?: number;
}

/** Output of the encoders. On error `bytes` is `[]`, `fPort` absent, `errors` not empty. */
export interface Ts013EncodeOutput {
  bytes: number[];
  fPort?: number;
  errors: string[];
  warnings: string[];
}

/** Input of `normalizeUplink`: the `data` that `decodeUplink` returned. */
export interface Ts013NormalizeInput {
  data: unknown;
  variables?: Record<string, unknown>;
}

/** Options of {@link bindTs013}. */
export interface Ts013Options {
  /**
   * Variables applied under the caller's own (the caller's win), such as `{ style: 'tts' }` in a
   * script built for The Things Stack.
   */
  variables?: Record<string, unknown>;
  /**
   * What `normalizeUplink` returns: loire's harmonised view (the default), or The Things Stack's
   * normalized payload (`tts`), which that server validates strictly (see `tts-normalized.ts`).
   */
  normalized?: 'harmonised' | 'tts';
}

/** The five functions of one codec, bound by {@link bindTs013}. */
export interface Ts013Codec {
  /** {@link decodeUplink} with this codec. */
  decodeUplink(input: Ts013DecodeInput): Ts013DecodeOutput;
  /** {@link decodeDownlink} with this codec. */
  decodeDownlink(input: Ts013DecodeInput): Ts013DecodeOutput;
  /** {@link encodeDownlink} with this codec. */
  encodeDownlink(input: Ts013EncodeInput): Ts013EncodeOutput;
  /** {@link encodeUplink} with this codec. */
  encodeUplink(input: Ts013EncodeInput): Ts013EncodeOutput;
  /** {@link normalizeUplink} with this codec. */
  normalizeUplink(input: Ts013NormalizeInput): Ts013DecodeOutput;
}

/**
 * Decodes an uplink with `codec`, in TS013 shape.
 *
 * @param codec - the codec definition.
 * @param input - `{ bytes, fPort, recvTime?, variables? }`.
 * @param options - default variables (see {@link Ts013Options}).
 * @returns `{ data, errors, warnings }`; never throws.
 * @example decodeUplink(getCodec('generic/cayenne-lpp')!, { bytes: [3, 0x67, 1, 0x10], fPort: 1 })
 */
export function decodeUplink(
  codec: CodecDefinition,
  input: Ts013DecodeInput,
  options?: Ts013Options,
): Ts013DecodeOutput {
  return runDecoder(codec, 'decodeUplink', input, options);
}

/**
 * Decodes a downlink (as sent to the device) with `codec`, in TS013 shape.
 *
 * @returns `{ data, errors, warnings }`; an error when the codec has no downlink decoder.
 * @example decodeDownlink(codec, { bytes: [0xff, 0x10, 0xff], fPort: 85 })
 */
export function decodeDownlink(
  codec: CodecDefinition,
  input: Ts013DecodeInput,
  options?: Ts013Options,
): Ts013DecodeOutput {
  return runDecoder(codec, 'decodeDownlink', input, options);
}

/**
 * Encodes a downlink from `input.data` with `codec`, in TS013 shape.
 *
 * @returns `{ bytes, fPort, errors, warnings }`; an error when the codec has no downlink encoder.
 * @example encodeDownlink(codec, { data: { reportIntervalS: 600 } })
 */
export function encodeDownlink(
  codec: CodecDefinition,
  input: Ts013EncodeInput,
  options?: Ts013Options,
): Ts013EncodeOutput {
  return runEncoder(codec, 'encodeDownlink', input, options);
}

/**
 * Encodes what the device itself would send for `input.data` (for simulators and firmware
 * tests), in the shape of `encodeDownlink`.
 *
 * @returns `{ bytes, fPort, errors, warnings }`; an error when the codec has no uplink encoder.
 * @example encodeUplink(lpp, { data: [{ channel: 3, temperature: 27.2 }] })
 */
export function encodeUplink(
  codec: CodecDefinition,
  input: Ts013EncodeInput,
  options?: Ts013Options,
): Ts013EncodeOutput {
  return runEncoder(codec, 'encodeUplink', input, options);
}

/**
 * The vendor-neutral (harmonised) view of a decoded uplink's `data`.
 *
 * @returns `{ data, errors, warnings }` where `data` is a `Harmonised` object (or The Things
 *   Stack's normalized payload with `options.normalized: 'tts'`); an error when the codec has no
 *   normaliser.
 * @example normalizeUplink(lpp, { data: decodeUplink(lpp, input).data })
 */
export function normalizeUplink(
  codec: CodecDefinition,
  input: Ts013NormalizeInput,
  options?: Ts013Options,
): Ts013DecodeOutput {
  if (!isObject(input)) return decodeFailure(['input: expected an object with data']);
  // A decoder's data is an object (or an array for some styles); anything else would be read
  // as "no readings" and give, say, leak: false for a water meter that said nothing.
  if (typeof input.data !== 'object' || input.data === null) {
    return decodeFailure(['data: expected the object a decoder returned, got ' +
      (input.data === null ? 'null' : typeof input.data)]);
  }
  if (typeof codec.normalizeUplink !== 'function') {
    return decodeFailure([codec.id + ' has no normalizeUplink']);
  }
  const variables = mergeVariables(options, input.variables);
  if (typeof variables === 'string') return decodeFailure([variables]);
  let harmonised: Harmonised;
  let warnings: string[] = [];
  try {
    harmonised = codec.normalizeUplink(input.data);
    if (typeof codec.normalizeWarnings === 'function') {
      warnings = codec.normalizeWarnings(input.data);
    }
  } catch (e) {
    return decodeFailure([describeException(e)]);
  }
  if (options && options.normalized === 'tts') {
    const tts = toTtsNormalized(harmonised);
    return { data: tts.data, errors: [], warnings: warnings.concat(tts.warnings) };
  }
  return { data: harmonised, errors: [], warnings };
}

/**
 * Binds the five TS013 functions to one codec (and default variables), as the built scripts do.
 *
 * @example
 * ```ts
 * const lpp = bindTs013(getCodec('generic/cayenne-lpp')!, { variables: { style: 'tts' } });
 * lpp.decodeUplink({ bytes: [3, 0x67, 1, 0x10], fPort: 8 }).data
 * // { temperature_3: 27.200000762939453 }
 * ```
 */
export function bindTs013(codec: CodecDefinition, options?: Ts013Options): Ts013Codec {
  return {
    decodeUplink: (input) => decodeUplink(codec, input, options),
    decodeDownlink: (input) => decodeDownlink(codec, input, options),
    encodeDownlink: (input) => encodeDownlink(codec, input, options),
    encodeUplink: (input) => encodeUplink(codec, input, options),
    normalizeUplink: (input) => normalizeUplink(codec, input, options),
  };
}

function runDecoder(
  codec: CodecDefinition,
  which: 'decodeUplink' | 'decodeDownlink',
  input: Ts013DecodeInput,
  options: Ts013Options | undefined,
): Ts013DecodeOutput {
  const fn = codec[which];
  if (typeof fn !== 'function') return decodeFailure([codec.id + ' has no ' + which]);
  const normalised = normaliseDecodeInput(input, options);
  if (typeof normalised === 'string') return decodeFailure([normalised]);

  let result: Decoded;
  try {
    result = fn.call(codec, normalised);
  } catch (e) {
    return decodeFailure([describeException(e)]);
  }
  if (!isObject(result) || result.data === undefined) {
    return decodeFailure([codec.id + ' ' + which + ': the codec returned no data']);
  }
  return { data: result.data, errors: [], warnings: cleanList(result.warnings) };
}

function runEncoder(
  codec: CodecDefinition,
  which: 'encodeDownlink' | 'encodeUplink',
  input: Ts013EncodeInput,
  options: Ts013Options | undefined,
): Ts013EncodeOutput {
  const fn = codec[which];
  if (typeof fn !== 'function') return encodeFailure([codec.id + ' has no ' + which]);
  if (!isObject(input)) return encodeFailure(['input: expected an object with data']);
  const variables = mergeVariables(options, input.variables);
  if (typeof variables === 'string') return encodeFailure([variables]);

  const request: EncodeInput = { data: input.data, variables };
  if (input.fPort !== undefined && input.fPort !== null) {
    const asked = checkFPort(input.fPort);
    if (typeof asked === 'string') return encodeFailure([asked]);
    request.fPort = asked;
  }

  let result: Encoded;
  try {
    result = fn.call(codec, request);
  } catch (e) {
    return encodeFailure([describeException(e)]);
  }
  // An encoder bug must not reach the radio: check what it produced like any input.
  const bytes = isObject(result) ? checkBytes(result.bytes) : 'the codec returned no bytes';
  if (typeof bytes === 'string') return encodeFailure([codec.id + ' ' + which + ': ' + bytes]);
  const fPort = checkFPort(result.fPort);
  if (typeof fPort === 'string') return encodeFailure([codec.id + ' ' + which + ': ' + fPort]);
  const warnings = cleanList(result.warnings);
  // FRMPayload is at most 242 bytes at any data rate of any region (RP002-1.0.4, the N
  // columns of the maximum payload tables): a longer payload cannot go out as one frame.
  if (bytes.length > MAX_FRM_PAYLOAD) {
    warnings.push(bytes.length + ' bytes: more than the ' + MAX_FRM_PAYLOAD +
      ' a LoRaWAN frame carries at any data rate');
  }
  return { bytes, fPort, errors: [], warnings };
}

/** The largest FRMPayload of any data rate in RP002-1.0.4. */
const MAX_FRM_PAYLOAD = 242;

/** Validates and normalises a decoder input; a string is the error message. */
function normaliseDecodeInput(
  input: Ts013DecodeInput,
  options: Ts013Options | undefined,
): DecodeInput | string {
  if (!isObject(input)) return 'input: expected an object with bytes and fPort';
  const bytes = checkBytes(input.bytes);
  if (typeof bytes === 'string') return bytes;
  const fPort = checkFPort(input.fPort);
  if (typeof fPort === 'string') return fPort;
  const variables = mergeVariables(options, input.variables);
  if (typeof variables === 'string') return variables;

  const out: DecodeInput = { bytes, fPort, variables };
  const recvTime = input.recvTime;
  if (recvTime !== undefined && recvTime !== null) {
    const t = checkTime(recvTime);
    if (typeof t === 'string') return t;
    out.recvTime = t;
  }
  return out;
}

/** A copy of `bytes` as a plain array, or an error naming the first bad index and value. */
function checkBytes(bytes: unknown): Bytes | string {
  // Uint8Array and plain arrays are both array-like; the check avoids naming typed arrays so
  // that it runs unchanged in ES5 engines.
  if (!isObject(bytes) || typeof (bytes as { length?: unknown }).length !== 'number') {
    return 'bytes: expected an array of integers 0 to 255 or a Uint8Array, got ' + kindOf(bytes);
  }
  const list = bytes as unknown as ArrayLike<unknown>;
  const out: number[] = [];
  for (let i = 0; i < list.length; i++) {
    const b = list[i];
    if (typeof b !== 'number' || b !== Math.floor(b) || b < 0 || b > 255) {
      return 'bytes[' + i + ']: expected an integer 0 to 255, got ' + show(b);
    }
    out.push(b);
  }
  return out;
}

function checkFPort(fPort: unknown): number | string {
  // TS001-1.0.4 §4.3.2: application FPorts are 1..223; 224 is the test port and a codec may
  // still be asked about it, so any port 1..255 is accepted here.
  if (typeof fPort !== 'number' || fPort !== Math.floor(fPort) || fPort < 1 || fPort > 255) {
    return 'fPort: expected an integer 1 to 255, got ' + show(fPort);
  }
  return fPort;
}

function checkTime(t: unknown): Date | string {
  let ms = NaN;
  if (typeof t === 'string') ms = Date.parse(t);
  else if (isObject(t) && typeof t['getTime'] === 'function') {
    ms = (t as unknown as Date).getTime();
  }
  if (ms !== ms) return 'recvTime: expected a Date or an ISO 8601 string, got ' + show(t);
  return new Date(ms);
}

function mergeVariables(
  options: Ts013Options | undefined,
  given: unknown,
): Record<string, unknown> | string {
  if (given !== undefined && given !== null && (!isObject(given) || isArray(given))) {
    return 'variables: expected an object, got ' + kindOf(given);
  }
  const out: Record<string, unknown> = {};
  const defaults = options && options.variables;
  if (defaults) for (const k in defaults) if (hasOwn(defaults, k)) out[k] = defaults[k];
  if (given) {
    const g = given as Record<string, unknown>;
    for (const k in g) if (hasOwn(g, k)) out[k] = g[k];
  }
  return out;
}

/** The message of a thrown value: a CodecError's as is, anything else named as unexpected. */
function describeException(e: unknown): string {
  if (isCodecError(e)) return e.message;
  const message = isObject(e) && typeof e['message'] === 'string' ? e['message'] : show(e);
  return 'unexpected decoder failure: ' + message;
}

function decodeFailure(errors: string[]): Ts013DecodeOutput {
  return { data: {}, errors, warnings: [] };
}

function encodeFailure(errors: string[]): Ts013EncodeOutput {
  return { bytes: [], errors, warnings: [] };
}

/** Strings only, empty ones dropped, so that lists are `[]` rather than `[""]`. */
function cleanList(list: unknown): string[] {
  const out: string[] = [];
  if (!isArray(list)) return out;
  for (let i = 0; i < list.length; i++) {
    const s = list[i];
    if (typeof s === 'string' && s !== '') out.push(s);
  }
  return out;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null;
}

function isArray(v: unknown): v is unknown[] {
  return Object.prototype.toString.call(v) === '[object Array]';
}

function hasOwn(o: object, k: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, k);
}

function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (isArray(v)) return 'an array';
  return typeof v;
}

function show(v: unknown): string {
  if (typeof v === 'string') return "'" + (v.length > 40 ? v.slice(0, 40) + '...' : v) + "'";
  if (typeof v === 'number' || typeof v === 'boolean' || v === undefined || v === null) {
    return String(v);
  }
  return kindOf(v);
}
