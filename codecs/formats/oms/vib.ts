/**
 * Value Information Block: VIF, extension-table selectors 0xFB/0xFD, plain-text VIF 0x7C/0xFC,
 * manufacturer VIF 0x7F/0xFF and up to ten orthogonal VIFEs (EN 13757-3:2018 §6.4).
 */
import { fail } from '../../framework/codec-error.js';
import { need } from '../../framework/bytes.js';
import {
  extensionFbVif, extensionFdVif, orthogonalVife, primaryVif, vifeExponentShift,
  type VifMeaning,
} from './vif-tables.js';

/** Which table a VIF code was looked up in. */
export type VifTable = 'primary' | 'fb' | 'fd' | 'plainText' | 'manufacturer';

/** A decoded VIB. */
export interface OmsVib {
  /** The raw VIF and VIFE bytes, extension bits included (what round-trips). */
  vib: number[];
  table: VifTable;
  /** The code within `table` (VIF or extension byte, bit 7 cleared). */
  code: number;
  /** Orthogonal VIFE codes (bit 7 cleared), in order. */
  vife: number[];
  /** Names of the orthogonal VIFEs (`inverseCompactProfile`, `perHour`...). */
  vifeNames: string[];
  /** Plain-text unit of VIF 0x7C/0xFC. */
  plainTextUnit?: string;
  meaning: VifMeaning;
}

const MAX_VIFE = 10;

/** Decodes the VIB at `offset`. */
export function decodeVib(bytes: number[], offset: number, what: string):
  { vib: OmsVib; offset: number } {
  need(bytes, offset, 1, `${what}: VIF`);
  const raw: number[] = [];
  let o = offset;
  const vif = bytes[o++]!;
  raw.push(vif);
  let more = (vif & 0x80) !== 0;
  let table: VifTable = 'primary';
  let code = vif & 0x7f;
  if (code === 0x7b || code === 0x7d) {
    // 0xFB / 0xFD select the extension tables; the next byte is the true code (§6.4.2).
    if (!more) {
      fail(`${what}: VIF 0x${vif.toString(16)} at offset ${offset} lacks its code`, offset);
    }
    need(bytes, o, 1, `${what}: extended VIF`);
    table = code === 0x7b ? 'fb' : 'fd';
    const ext = bytes[o++]!;
    raw.push(ext);
    code = ext & 0x7f;
    more = (ext & 0x80) !== 0;
  } else if (code === 0x7c) {
    table = 'plainText';
  } else if (code === 0x7f) {
    table = 'manufacturer';
  }
  const vife: number[] = [];
  const vifeNames: string[] = [];
  let manufacturerVifes = table === 'manufacturer';
  while (more) {
    if (vife.length === MAX_VIFE) fail(`${what}: more than ${MAX_VIFE} VIFEs at offset ${o}`, o);
    need(bytes, o, 1, `${what}: VIFE`);
    const e = bytes[o++]!;
    raw.push(e);
    vife.push(e & 0x7f);
    if (manufacturerVifes) {
      vifeNames.push(`manufacturer0x${((e & 0x7f) < 16 ? '0' : '') + (e & 0x7f).toString(16)}`);
    } else {
      vifeNames.push(orthogonalVife(e & 0x7f));
      // After E111 1111 the remaining VIFEs are the manufacturer's (table 15).
      if ((e & 0x7f) === 0x7f) manufacturerVifes = true;
    }
    more = (e & 0x80) !== 0;
  }
  let meaning: VifMeaning | undefined;
  let plainTextUnit: string | undefined;
  if (table === 'plainText') {
    need(bytes, o, 1, `${what}: plain-text VIF length`);
    const len = bytes[o++]!;
    need(bytes, o, len, `${what}: plain-text VIF`);
    // The characters come last character first (EN 13757-3 §6.4.3).
    plainTextUnit = '';
    for (let i = len - 1; i >= 0; i--) plainTextUnit += String.fromCharCode(bytes[o + i]!);
    o += len;
    meaning = { quantity: 'plainText', description: plainTextUnit, unit: plainTextUnit,
      exponent: 0 };
  } else if (table === 'primary') {
    meaning = primaryVif(code);
  } else if (table === 'fd') {
    meaning = extensionFdVif(code);
  } else if (table === 'fb') {
    meaning = extensionFbVif(code);
  } else {
    meaning = { quantity: 'manufacturerSpecific', description: 'Manufacturer specific',
      unit: '', exponent: 0 };
  }
  if (!meaning) {
    const hex = (code < 16 ? '0' : '') + code.toString(16);
    meaning = { quantity: 'unknown', description: `Unknown ${table} VIF 0x${hex}`, unit: '',
      exponent: 0 };
  }
  let shift = 0;
  for (let i = 0; i < vife.length && !manufacturerVifes; i++) {
    shift += vifeExponentShift(vife[i]!);
  }
  if (shift !== 0) meaning = { quantity: meaning.quantity, description: meaning.description,
    unit: meaning.unit, exponent: meaning.exponent + shift };
  const out: OmsVib = { vib: raw, table, code, vife, vifeNames, meaning };
  if (plainTextUnit !== undefined) out.plainTextUnit = plainTextUnit;
  return { vib: out, offset: o };
}

/** Checks and appends raw VIB bytes (and the plain-text unit for VIF 0x7C/0xFC). */
export function encodeVib(out: number[], vib: unknown, plainTextUnit: unknown, what: string):
  void {
  if (!Array.isArray(vib) || vib.length === 0) fail(`${what}: vib must be a non-empty byte array`);
  const arr = vib as unknown[];
  for (let i = 0; i < arr.length; i++) {
    const b = arr[i];
    if (typeof b !== 'number' || b !== Math.floor(b) || b < 0 || b > 255) {
      fail(`${what}: vib[${i}] must be a byte, got ${String(b)}`);
    }
    const last = i === arr.length - 1;
    if (((b as number) & 0x80) !== 0 === last) {
      fail(`${what}: vib[${i}] extension bit must be ${last ? 'clear (last byte)' : 'set'}`);
    }
    out.push(b as number);
  }
  if (((arr[0] as number) & 0x7f) === 0x7c) {
    if (typeof plainTextUnit !== 'string' || plainTextUnit.length > 255) {
      fail(`${what}: plainTextUnit must be a string of at most 255 characters`);
    }
    const s = plainTextUnit as string;
    out.push(s.length);
    for (let i = s.length - 1; i >= 0; i--) {
      const c = s.charCodeAt(i);
      if (c > 127) fail(`${what}: plainTextUnit must be ASCII`);
      out.push(c);
    }
  }
}
