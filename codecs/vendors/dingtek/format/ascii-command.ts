/**
 * Dingtek downlink commands: ASCII text of hexadecimal digits (DF702/DF703 protocol V2.8,
 * "Downlink Command"): `8002` `9999` then the option (2 hex digits), the value (2 hex digits)
 * and `81`, each character sent as one byte. One setting per downlink.
 */
import { fail } from '../../../framework/codec-error.js';

const HEAD = '80029999';
const TAIL = '81';

/** The bytes of a command setting `option` to `value` (both 0 to 255). */
export function encodeAsciiCommand(option: number, value: number): number[] {
  const text = HEAD + hex2(option) + hex2(value) + TAIL;
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) out.push(text.charCodeAt(i));
  return out;
}

function hex2(v: number): string {
  return (v < 16 ? '0' : '') + v.toString(16).toUpperCase();
}

/**
 * Option and value of a command.
 *
 * @throws CodecError when the bytes are not `80029999 OO VV 81` in ASCII.
 */
export function decodeAsciiCommand(
  bytes: number[],
  what: string,
): { option: number; value: number } {
  if (bytes.length !== 14) fail(`${what}: ${bytes.length} bytes, expected 14 ASCII characters`, 0);
  let text = '';
  for (let i = 0; i < bytes.length; i++) {
    const c = bytes[i]!;
    const ch = String.fromCharCode(c);
    if (!/[0-9A-Fa-f]/.test(ch)) {
      fail(`${what}: byte 0x${c.toString(16)} at offset ${i} is not a hex digit`, i);
    }
    text += ch;
  }
  const head = text.substr(0, 8);
  const tail = text.substr(12, 2);
  if (head !== HEAD) fail(`${what}: starts '${head}', expected '${HEAD}'`, 0);
  if (tail !== TAIL) fail(`${what}: ends '${tail}', expected '${TAIL}'`, 12);
  return { option: parseInt(text.substr(8, 2), 16), value: parseInt(text.substr(10, 2), 16) };
}
