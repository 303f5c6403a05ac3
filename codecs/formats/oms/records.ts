/**
 * OMS / wM-Bus application-layer data records (EN 13757-3:2018 §6): DIB, VIB and data, in a
 * list that may end with manufacturer data (DIF 0x0F, or 0x1F when more records follow in the
 * next telegram) and may contain idle fillers (DIF 0x2F).
 *
 * A record decodes to its structure (`dataField`, `function`, `storage`, `tariff`, `subUnit`,
 * raw `vib`, `value`) plus meaning (`quantity`, `unit`, `exponent`, `scaledValue`). Encoding
 * reads only the structure, so `decodeOmsRecords(encodeOmsRecords(r))` gives `r` back.
 */
import { fail } from '../../framework/codec-error.js';
import { fromHex, need, toHex } from '../../framework/bytes.js';
import {
  isTypeBInvalid, readBcd, readIntegerLE, writeBcd, writeFloat32LE, writeIntegerLE,
} from './coding.js';
import { readFloat32LE } from '../../framework/bytes.js';
import { decodeTypeF, decodeTypeG, encodeTypeF, encodeTypeG } from './date.js';
import { decodeDib, encodeDib, type OmsFunction } from './dib.js';
import { decodeProfile, encodeProfile, profileKindOf, type OmsProfile } from './profile.js';
import { decodeVib, encodeVib, type VifTable } from './vib.js';

/** Coding names of the 16 data fields (EN 13757-3:2018 table 4). */
export const CODINGS = [
  'none', 'int8', 'int16', 'int24', 'int32', 'real32', 'int48', 'int64',
  'selection', 'bcd2', 'bcd4', 'bcd6', 'bcd8', 'variable', 'bcd12', 'special',
] as const;

const SIZE = [0, 1, 2, 3, 4, 4, 6, 8, 0, 1, 2, 3, 4, -1, 6, -1];

/** One decoded data record. */
export interface OmsRecord {
  dataField: number;
  coding: (typeof CODINGS)[number];
  function: OmsFunction;
  storage: number;
  tariff: number;
  subUnit: number;
  /** Raw VIF and VIFE bytes. */
  vib: number[];
  vifTable: VifTable;
  vifCode: number;
  /** Orthogonal VIFE names, when there are VIFEs. */
  vifeNames?: string[];
  plainTextUnit?: string;
  quantity: string;
  description: string;
  unit: string;
  exponent: number;
  /**
   * Integer or BCD value as sent (exact decimal string beyond 2^53), float for real32, ISO date
   * for date VIFs, text or hex for variable-length data, `null` for no data or invalid data.
   */
  value: number | string | null;
  /** Numeric `value` x 10^`exponent`, in `unit`. */
  scaledValue?: number;
  /** Type F SU bit. */
  summerTime?: boolean;
  /** LVAR byte of variable-length data. */
  lvar?: number;
  profile?: OmsProfile;
  /** The data held the coding's invalid marker ("value during error"); raw bytes kept. */
  invalid?: boolean;
  dataHex?: string;
}

/** What {@link decodeOmsRecords} returns. */
export interface OmsRecords {
  records: OmsRecord[];
  /** Bytes after DIF 0x0F / 0x1F, as hex. */
  manufacturerData?: string;
  /** DIF 0x1F: the meter said more records follow in the next telegram. */
  moreRecordsFollow?: boolean;
}

/** Record input of {@link encodeOmsRecords}: the structure fields of {@link OmsRecord}. */
export type OmsRecordInput = Pick<OmsRecord, 'dataField' | 'function' | 'storage' | 'vib' |
  'value'> & Partial<Pick<OmsRecord, 'tariff' | 'subUnit' | 'plainTextUnit' | 'summerTime' |
  'lvar' | 'profile' | 'invalid' | 'dataHex'>>;

/** VIFs whose binary data is unsigned (type C / D): identifiers, flags, counters. */
function isUnsigned(table: VifTable, code: number): boolean {
  if (table === 'primary') return code >= 0x78 && code <= 0x7a;
  if (table === 'fd') {
    return (code >= 0x08 && code <= 0x1b) || code === 0x60 || code === 0x61 || code === 0x75;
  }
  return table === 'manufacturer';
}

/** The date coding a VIF and data field select: `F`, `G` or none. */
function dateKind(table: VifTable, code: number, dataField: number): 'F' | 'G' | undefined {
  const isDate = (table === 'primary' && (code === 0x6c || code === 0x6d)) ||
    (table === 'fd' && code === 0x70);
  if (!isDate) return undefined;
  if (dataField === 4) return 'F';
  if (dataField === 2) return 'G';
  return undefined;
}

function scale(value: number, exponent: number): number {
  // Dividing by an exact power of ten gives the double nearest the decimal (25041.529, not
  // 25041.529000000002 as multiplying by 0.001 would).
  return exponent < 0 ? value / Math.pow(10, -exponent) : value * Math.pow(10, exponent);
}

function bcdDigits(bytes: number[], offset: number, n: number): string | undefined {
  let s = '';
  for (let i = n - 1; i >= 0; i--) {
    const b = bytes[offset + i]!;
    if ((b >> 4) > 9 || (b & 15) > 9) return undefined;
    s += String(b >> 4) + String(b & 15);
  }
  return s.replace(/^0+(?=.)/, '');
}

/** Decodes LVAR data; fills `rec.value` (and `rec.profile`); returns the next offset. */
function decodeVariable(bytes: number[], o: number, rec: OmsRecord, vife: number[],
  what: string): number {
  need(bytes, o, 1, `${what}: LVAR`);
  const lvar = bytes[o]!;
  rec.lvar = lvar;
  o++;
  const kind = profileKindOf(vife);
  if (kind) {
    if (lvar > 0xbf) fail(`${what}: compact profile LVAR 0x${lvar.toString(16)} is not a length`);
    need(bytes, o, lvar, `${what}: compact profile`);
    rec.profile = decodeProfile(bytes, o, lvar, kind, what);
    rec.value = null;
    return o + lvar;
  }
  if (lvar <= 0xbf) {
    // ASCII, last character first (EN 13757-3 §6.5, table 6).
    need(bytes, o, lvar, `${what}: text`);
    let s = '';
    for (let i = lvar - 1; i >= 0; i--) s += String.fromCharCode(bytes[o + i]!);
    rec.value = s;
    return o + lvar;
  }
  if (lvar <= 0xdf) {
    const n = lvar & 0x0f;
    need(bytes, o, n, `${what}: variable BCD`);
    const digits = bcdDigits(bytes, o, n);
    if (digits === undefined) {
      rec.value = null;
      rec.invalid = true;
      rec.dataHex = toHex(bytes.slice(o, o + n));
    } else {
      const negative = lvar >= 0xd0 && digits !== '0';
      rec.value = digits.length <= 15 ? (negative ? -1 : 1) * Number(digits)
        : (negative ? '-' : '') + digits;
      if (typeof rec.value === 'number') rec.scaledValue = scale(rec.value, rec.exponent);
    }
    return o + n;
  }
  let n: number;
  if (lvar <= 0xef) n = lvar - 0xe0;
  else if (lvar <= 0xf4) n = 4 * (lvar - 0xec);
  else if (lvar === 0xf5) n = 48;
  else if (lvar === 0xf6) n = 64;
  else return fail(`${what}: reserved LVAR 0x${lvar.toString(16)} at offset ${o - 1}`, o - 1);
  need(bytes, o, n, `${what}: variable binary`);
  rec.value = toHex(bytes.slice(o, o + n));
  return o + n;
}

/** Decodes one record's data at `o` into `rec`; returns the next offset. */
function decodeData(bytes: number[], o: number, rec: OmsRecord, vife: number[],
  what: string): number {
  const df = rec.dataField;
  if (df === 0x0d) return decodeVariable(bytes, o, rec, vife, what);
  const n = SIZE[df]!;
  need(bytes, o, n, `${what}: ${rec.coding} data`);
  const markInvalid = (): void => {
    rec.value = null;
    rec.invalid = true;
    rec.dataHex = toHex(bytes.slice(o, o + n));
  };
  if (n === 0) {
    rec.value = null;
    return o;
  }
  const dk = dateKind(rec.vifTable, rec.vifCode, df);
  if (dk === 'F') {
    const f = decodeTypeF(bytes, o, what);
    if (f) {
      rec.value = f.iso;
      if (f.summerTime) rec.summerTime = true;
    } else markInvalid();
  } else if (dk === 'G') {
    const g = decodeTypeG(bytes, o, what);
    if (g) rec.value = g;
    else markInvalid();
  } else if (df === 5) {
    const f = readFloat32LE(bytes, o, what);
    if (f !== f || f === Infinity || f === -Infinity) markInvalid();
    else rec.value = f;
  } else if (df >= 9) {
    const v = readBcd(bytes, o, n, what);
    if (v === undefined) markInvalid();
    else rec.value = v;
  } else {
    const signed = !isUnsigned(rec.vifTable, rec.vifCode);
    if (signed && isTypeBInvalid(bytes, o, n)) markInvalid();
    else rec.value = readIntegerLE(bytes, o, n, signed, what);
  }
  if (typeof rec.value === 'number' && !dk) rec.scaledValue = scale(rec.value, rec.exponent);
  return o + n;
}

/**
 * Decodes the data records from `offset` to the end of `bytes`.
 *
 * @throws CodecError naming the record index, byte offset and what was expected.
 * @example decodeOmsRecords([0x04, 0x13, 0x3a, 0x1c, 0x7e, 0x01], 0).records[0].scaledValue
 * // 25041.978 (m3)
 */
export function decodeOmsRecords(bytes: number[], offset: number): OmsRecords {
  const result: OmsRecords = { records: [] };
  let o = offset;
  while (o < bytes.length) {
    const dif = bytes[o]!;
    if (dif === 0x2f) {
      o++; // idle filler (EN 13757-3 table 4)
      continue;
    }
    if (dif === 0x0f || dif === 0x1f) {
      result.manufacturerData = toHex(bytes.slice(o + 1));
      if (dif === 0x1f) result.moreRecordsFollow = true;
      return result;
    }
    const what = `oms record ${result.records.length} at offset ${o}`;
    if ((dif & 0x0f) === 0x0f) {
      fail(`${what}: special function DIF 0x${dif.toString(16)} is not supported`, o);
    }
    const d = decodeDib(bytes, o, what);
    const v = decodeVib(bytes, d.offset, what);
    const rec: OmsRecord = {
      dataField: d.dib.dataField,
      coding: CODINGS[d.dib.dataField]!,
      function: d.dib.function,
      storage: d.dib.storage,
      tariff: d.dib.tariff,
      subUnit: d.dib.subUnit,
      vib: v.vib.vib,
      vifTable: v.vib.table,
      vifCode: v.vib.code,
      quantity: v.vib.meaning.quantity,
      description: v.vib.meaning.description,
      unit: v.vib.meaning.unit,
      exponent: v.vib.meaning.exponent,
      value: null,
    };
    if (v.vib.vifeNames.length > 0) rec.vifeNames = v.vib.vifeNames;
    if (v.vib.plainTextUnit !== undefined) rec.plainTextUnit = v.vib.plainTextUnit;
    o = decodeData(bytes, v.offset, rec, v.vib.vife, what);
    result.records.push(rec);
  }
  return result;
}

function writeVariable(out: number[], r: OmsRecordInput, vife: number[], what: string): void {
  if (profileKindOf(vife)) {
    const at = out.length;
    out.push(0);
    const n = encodeProfile(out, r.profile as OmsProfile, what);
    if (n > 0xbf) fail(`${what}: compact profile of ${n} bytes exceeds LVAR 0xbf`);
    out[at] = n;
    return;
  }
  const lvar = r.lvar;
  if (typeof lvar !== 'number' || lvar < 0 || lvar > 0xf6 || lvar !== Math.floor(lvar)) {
    fail(`${what}: lvar must be a byte from 0x00 to 0xf6`);
  }
  const v = r.value;
  if (lvar <= 0xbf) {
    if (typeof v !== 'string' || v.length !== lvar) {
      fail(`${what}: text value must be a string of lvar (${lvar}) characters`);
    }
    out.push(lvar);
    for (let i = lvar - 1; i >= 0; i--) out.push((v as string).charCodeAt(i) & 0xff);
    return;
  }
  out.push(lvar);
  if (lvar <= 0xdf) {
    const n = lvar & 0x0f;
    if (r.invalid) return writeRawHex(out, r.dataHex, n, what);
    const s = typeof v === 'number' ? String(Math.abs(v)) : String(v).replace(/^-/, '');
    if (!/^[0-9]+$/.test(s) || s.length > 2 * n) {
      fail(`${what}: value must have at most ${2 * n} decimal digits`);
    }
    const padded = new Array(2 * n - s.length + 1).join('0') + s;
    for (let i = n - 1; i >= 0; i--) out.push(parseInt(padded.substr(2 * i, 2), 16));
    return;
  }
  const n = lvar <= 0xef ? lvar - 0xe0 : lvar <= 0xf4 ? 4 * (lvar - 0xec) : lvar === 0xf5 ? 48
    : 64;
  writeRawHex(out, v, n, what);
}

function writeRawHex(out: number[], hex: unknown, n: number, what: string): void {
  const b = fromHex(typeof hex === 'string' ? hex : '', what);
  if (b.length !== n) fail(`${what}: expected ${n} bytes of hex data, got ${b.length}`);
  for (let i = 0; i < n; i++) out.push(b[i]!);
}

/**
 * Encodes records (the structure fields of {@link OmsRecord}) into bytes.
 *
 * @throws CodecError naming the record index and field that cannot be encoded.
 * @example encodeOmsRecords([{ dataField: 4, function: 'instantaneous', storage: 0,
 *   vib: [0x13], value: 25041978 }]) // [0x04, 0x13, 0x3a, 0x1c, 0x7e, 0x01]
 */
export function encodeOmsRecords(records: OmsRecordInput[]): number[] {
  if (!Array.isArray(records)) fail('oms records: expected an array of records');
  const out: number[] = [];
  for (let i = 0; i < records.length; i++) {
    const r = records[i]!;
    const what = `oms record ${i}`;
    if (typeof r !== 'object' || r === null) fail(`${what}: expected an object`);
    if (r.dataField === 0x0f) fail(`${what}: dataField 15 is a special function, not a record`);
    encodeDib(out, {
      dataField: r.dataField,
      function: r.function,
      storage: r.storage,
      tariff: r.tariff ?? 0,
      subUnit: r.subUnit ?? 0,
    }, what);
    const vibStart = out.length;
    encodeVib(out, r.vib, r.plainTextUnit, what);
    // Re-read what was written to learn the table, code and VIFEs, as the decoder will.
    const vib = decodeVib(out, vibStart, what).vib;
    const df = r.dataField;
    if (df === 0x0d) {
      writeVariable(out, r, vib.vife, what);
      continue;
    }
    const n = SIZE[df]!;
    if (n === 0) continue;
    if (r.invalid) {
      writeRawHex(out, r.dataHex, n, what);
      continue;
    }
    const dk = dateKind(vib.table, vib.code, df);
    if (dk === 'F') encodeTypeF(out, r.value, r.summerTime === true, `${what}: value`);
    else if (dk === 'G') encodeTypeG(out, r.value, `${what}: value`);
    else if (df === 5) writeFloat32LE(out, r.value as number, `${what}: value`);
    else if (df >= 9) writeBcd(out, r.value as number, n, `${what}: value`);
    else {
      const v = r.value;
      if (typeof v !== 'number' && typeof v !== 'string') {
        fail(`${what}: value must be an integer, got ${String(v)}`);
      }
      writeIntegerLE(out, v as number | string, n, !isUnsigned(vib.table, vib.code),
        `${what}: value`);
    }
  }
  return out;
}
