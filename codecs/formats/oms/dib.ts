/**
 * Data Information Block: DIF and up to ten DIFEs (EN 13757-3:2018 §6.3). The DIF carries the
 * data field (coding), function field and storage number LSB; each DIFE adds 4 storage bits,
 * 2 tariff bits and 1 sub-unit bit.
 */
import { fail } from '../../framework/codec-error.js';
import { need } from '../../framework/bytes.js';

/** Function field (EN 13757-3 table 5). */
export type OmsFunction = 'instantaneous' | 'maximum' | 'minimum' | 'error';

const FUNCTIONS: OmsFunction[] = ['instantaneous', 'maximum', 'minimum', 'error'];

/** A decoded DIB. */
export interface OmsDib {
  /** Data field, DIF bits 3..0 (EN 13757-3 table 4): the coding of the value. */
  dataField: number;
  function: OmsFunction;
  storage: number;
  tariff: number;
  subUnit: number;
}

/** Most DIFEs EN 13757-3 §6.3.3 allows. */
const MAX_DIFE = 10;

/** Decodes the DIB at `offset` (its first byte is not a special function). */
export function decodeDib(bytes: number[], offset: number, what: string):
  { dib: OmsDib; offset: number } {
  need(bytes, offset, 1, `${what}: DIF`);
  const dif = bytes[offset]!;
  const dib: OmsDib = {
    dataField: dif & 0x0f,
    function: FUNCTIONS[(dif >> 4) & 0x03]!,
    storage: (dif >> 6) & 0x01,
    tariff: 0,
    subUnit: 0,
  };
  let o = offset + 1;
  let more = (dif & 0x80) !== 0;
  let i = 0;
  while (more) {
    if (i === MAX_DIFE) fail(`${what}: more than ${MAX_DIFE} DIFEs at offset ${o}`, o);
    need(bytes, o, 1, `${what}: DIFE`);
    const dife = bytes[o]!;
    // Storage bits: DIF gives bit 0, DIFE i gives bits 1+4i..4+4i (EN 13757-3 §6.3.3).
    dib.storage += (dife & 0x0f) * Math.pow(2, 1 + 4 * i);
    dib.tariff += ((dife >> 4) & 0x03) * Math.pow(2, 2 * i);
    dib.subUnit += ((dife >> 6) & 0x01) * Math.pow(2, i);
    more = (dife & 0x80) !== 0;
    o++;
    i++;
  }
  return { dib, offset: o };
}

function checkField(v: unknown, max: number, what: string): number {
  if (typeof v !== 'number' || v !== Math.floor(v) || v < 0 || v > max) {
    fail(`${what}: expected an integer from 0 to ${max}, got ${String(v)}`);
  }
  return v as number;
}

/** Appends the shortest DIB for `dib`. */
export function encodeDib(out: number[], dib: OmsDib, what: string): void {
  const df = checkField(dib.dataField, 15, `${what}: dataField`);
  const fn = FUNCTIONS.indexOf(dib.function);
  if (fn < 0) fail(`${what}: function must be one of ${FUNCTIONS.join(', ')}`);
  let storage = checkField(dib.storage, Math.pow(2, 41) - 1, `${what}: storage`);
  let tariff = checkField(dib.tariff ?? 0, Math.pow(2, 20) - 1, `${what}: tariff`);
  let subUnit = checkField(dib.subUnit ?? 0, Math.pow(2, 10) - 1, `${what}: subUnit`);
  const difes: number[] = [];
  let rest = Math.floor(storage / 2);
  while (rest > 0 || tariff > 0 || subUnit > 0) {
    difes.push((rest % 16) | ((tariff % 4) << 4) | ((subUnit % 2) << 6));
    rest = Math.floor(rest / 16);
    tariff = Math.floor(tariff / 4);
    subUnit = Math.floor(subUnit / 2);
  }
  storage %= 2;
  out.push((difes.length > 0 ? 0x80 : 0) | (storage << 6) | (fn << 4) | df);
  for (let i = 0; i < difes.length; i++) {
    out.push(difes[i]! | (i < difes.length - 1 ? 0x80 : 0));
  }
}
