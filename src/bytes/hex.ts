import { LoireError } from '../errors.js';

const HEX = '0123456789abcdef';

/**
 * Lowercase hex of `bytes`, in the order given (no reversal).
 *
 * @example bytesToHex(new Uint8Array([0x40, 0xf1])) // '40f1'
 */
export function bytesToHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    out += HEX[b >> 4]! + HEX[b & 15]!;
  }
  return out;
}

/**
 * Parses hex (either case, optional `0x` prefix, spaces, colons and dashes ignored).
 *
 * @throws {LoireError} `BAD_ENCODING` naming the offending character position.
 * @example hexToBytes('40F1 7D') // Uint8Array [0x40, 0xf1, 0x7d]
 */
export function hexToBytes(hex: string): Uint8Array {
  if (typeof hex !== 'string') throw new TypeError(`hex: expected a string, got ${typeof hex}`);
  let s = hex.trim();
  if (s.startsWith('0x') || s.startsWith('0X')) s = s.slice(2);
  s = s.replace(/[\s:-]/g, '');
  if (s.length % 2 !== 0) {
    throw new LoireError('BAD_ENCODING', `hex: odd number of digits (${s.length})`);
  }
  const out = new Uint8Array(s.length / 2);
  for (let i = 0; i < out.length; i++) {
    const hi = hexValue(s.charCodeAt(2 * i));
    const lo = hexValue(s.charCodeAt(2 * i + 1));
    if (hi < 0 || lo < 0) {
      const at = hi < 0 ? 2 * i : 2 * i + 1;
      throw new LoireError('BAD_ENCODING', `hex: invalid digit '${s[at]}' at position ${at}`, {
        offset: at,
      });
    }
    out[i] = (hi << 4) | lo;
  }
  return out;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648 §4) with padding. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/**
 * Parses base64, standard or URL-safe alphabet (RFC 4648 §4 and §5), padding optional. When
 * padding is present it must complete the last group of four; a last character whose unused
 * bits are set is refused (RFC 4648 §3.5), as it means a truncated or mistyped paste.
 *
 * @throws {LoireError} `BAD_ENCODING` naming the offending character position.
 * @example base64ToBytes('QPF9vkk=') // Uint8Array [0x40, 0xf1, 0x7d, 0xbe, 0x49]
 */
export function base64ToBytes(text: string): Uint8Array {
  if (typeof text !== 'string') {
    throw new TypeError(`base64: expected a string, got ${typeof text}`);
  }
  const padded = text.replace(/\s/g, '');
  const s = padded.replace(/=+$/, '');
  const pad = padded.length - s.length;
  if (s.length % 4 === 1 || (pad > 0 && (s.length === 0 || padded.length % 4 !== 0))) {
    throw new LoireError('BAD_ENCODING', pad > 0
      ? `base64: ${pad} padding character(s) after ${s.length} do not complete a group of 4`
      : `base64: impossible length ${s.length}`);
  }
  const out = new Uint8Array(Math.floor((s.length * 3) / 4));
  let acc = 0;
  let bits = 0;
  let o = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    let v = B64.indexOf(c);
    if (c === '-') v = 62;
    else if (c === '_') v = 63;
    if (v < 0) {
      throw new LoireError('BAD_ENCODING', `base64: invalid character '${c}' at position ${i}`, {
        offset: i,
      });
    }
    acc = ((acc << 6) | v) & 0xfff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  if ((acc & ((1 << bits) - 1)) !== 0) {
    throw new LoireError('BAD_ENCODING',
      `base64: the last character '${s[s.length - 1]}' has unused bits set (truncated?)`,
      { offset: s.length - 1 });
  }
  return out;
}

/**
 * Parses a frame given as hex or base64, as people paste them from gateway logs. Hex is tried
 * first: a string of only hex digits (and separators) is read as hex, so an odd number of
 * them is a hex error rather than unpadded base64; a `0x` prefix always means hex.
 *
 * @throws {LoireError} `BAD_ENCODING` naming what cannot be read.
 * @example parseBytes('40F1') // Uint8Array [0x40, 0xf1]; parseBytes('QPE=') gives the same
 */
export function parseBytes(text: string): Uint8Array {
  if (typeof text !== 'string') throw new TypeError(`text: expected a string, got ${typeof text}`);
  const trimmed = text.trim();
  if (/^0x/i.test(trimmed) || /^[0-9a-fA-F\s:-]*$/.test(trimmed)) return hexToBytes(trimmed);
  return base64ToBytes(trimmed);
}
