/**
 * Watteco batch reports: several series of samples, delta- and Huffman-compressed, with
 * timestamps relative to the device's clock (Watteco/nke "Batch report" application note;
 * frames on FPort 125 whose first byte has bit 0 clear).
 *
 * Layout: a flag byte (series count in the high nibble, bit 2 "no sample beyond the first",
 * bit 1 "timestamps common to all series"), a 3-bit batch counter and a spare bit; then per
 * series a tag, a timestamp and a first raw value (and, when more samples follow, 2 bits of
 * coding type and 2 of Huffman table); then the further samples; then the frame's own
 * timestamp. Each sample's absolute date is the receive time minus (frame timestamp - sample
 * timestamp) seconds.
 */
import { fail } from '../../../framework/codec-error.js';
import { readFloat32BE } from '../../../framework/bytes.js';
import { BI_MAX_DELTA, BitReader, BitWriter } from './batch-bits.js';

/** Batch sample type: one bit. */
export const ST_BOOLEAN = 1;
/** Batch sample type: unsigned 4 bits. */
export const ST_U4 = 2;
/** Batch sample type: signed 4 bits. */
export const ST_I4 = 3;
/** Batch sample type: unsigned 8 bits. */
export const ST_U8 = 4;
/** Batch sample type: signed 8 bits. */
export const ST_I8 = 5;
/** Batch sample type: unsigned 16 bits. */
export const ST_U16 = 6;
/** Batch sample type: signed 16 bits. */
export const ST_I16 = 7;
/** Batch sample type: unsigned 24 bits. */
export const ST_U24 = 8;
/** Batch sample type: signed 24 bits. */
export const ST_I24 = 9;
/** Batch sample type: unsigned 32 bits. */
export const ST_U32 = 10;
/** Batch sample type: signed 32 bits. */
export const ST_I32 = 11;
/** Batch sample type: IEEE 754 binary32. */
export const ST_FLOAT = 12;

const SAMPLE_BITS = [0, 1, 4, 4, 8, 8, 16, 16, 24, 24, 32, 32, 32];

function isSigned(sampleType: number): boolean {
  return sampleType === ST_I4 || sampleType === ST_I8 || sampleType === ST_I16 ||
    sampleType === ST_I24 || sampleType === ST_I32;
}

/** One series a device may put in its batch reports. */
export interface BatchSeries {
  /** Tag (label) of the series in the frame. */
  tag: number;
  /** Step of one delta unit, in raw units. */
  resolution: number;
  sampleType: number;
  /** Variable name of the decoded samples. */
  name: string;
  /** The raw value is divided by this to give the decoded value. */
  divide: number;
}

/** A device's batch configuration: tag size in bits and its series. */
export interface BatchTable {
  tagBits: number;
  series: BatchSeries[];
}

/** One decoded sample: series index in the table, relative timestamp (s) and raw value. */
export interface BatchPoint {
  series: number;
  timestampS: number;
  raw: number;
}

/** A decoded batch frame, raw values not yet divided. */
export interface BatchFrame {
  counter: number;
  /** The frame's own timestamp, on the same relative clock as the samples (s). */
  timestampS: number;
  /** Samples in table order, each series in frame order. */
  points: BatchPoint[];
}

const WHAT = 'batch report';

// Float series: the vendor's decoder returns the raw bits of a float sample sent without delta
// as an integer; this one always returns the float. No supported device has float series.
function readMeasure(r: BitReader, sampleType: number): number {
  const bits = SAMPLE_BITS[sampleType];
  if (bits === undefined || bits === 0) fail(`${WHAT}: unknown sample type ${sampleType}`);
  if (sampleType === ST_FLOAT) {
    const u = r.readBits(32);
    const b = [Math.floor(u / 16777216), Math.floor(u / 65536) % 256,
      Math.floor(u / 256) % 256, u % 256];
    return readFloat32BE(b, 0, WHAT);
  }
  return isSigned(sampleType) ? r.readSigned(bits) : r.readBits(bits);
}

/** A timestamp coded against `base`: the reference reads a raw one when `base` is 0. */
function readTimestamp(r: BitReader, base: number): number {
  if (!base) return r.readBits(32);
  return timestampFromBi(r, base, r.readHuffman(1));
}

function timestampFromBi(r: BitReader, base: number, bi: number): number {
  if (bi > BI_MAX_DELTA) return r.readBits(32);
  if (bi > 0) return r.readBits(bi) + base + Math.pow(2, bi) - 1;
  return base;
}

function readDelta(r: BitReader, codingType: number, bi: number, prev: number,
  resolution: number): number {
  const v = r.readBits(bi);
  const span = Math.pow(2, bi);
  if (codingType === 0) {
    // "ADLC" coding: the upper half of the code space is positive, the lower half negative.
    return v >= span / 2 ? v * resolution + prev : (v + 1 - span) * resolution + prev;
  }
  if (codingType === 1) return (v + span - 1) * resolution + prev;
  return prev - (v + span - 1) * resolution;
}

interface SeriesState {
  points: { timestampS: number; raw: number }[];
  codingType: number;
  codingTable: number;
}

function findSeries(table: BatchTable, tag: number, r: BitReader): number {
  for (let i = 0; i < table.series.length; i++) if (table.series[i]!.tag === tag) return i;
  fail(`${WHAT}: unknown series tag ${tag} at bit ${r.pos - table.tagBits}`, r.pos >> 3);
}

function lastPoint(state: SeriesState | undefined, r: BitReader) {
  const p = state === undefined ? undefined : state.points[state.points.length - 1];
  if (p === undefined) fail(`${WHAT}: samples for a series that has no first value`, r.pos >> 3);
  return p;
}

/**
 * Decodes a batch frame against a device table.
 * @throws CodecError on an unknown tag, a bad Huffman code or a frame that ends early.
 */
export function decodeBatchFrame(bytes: number[], table: BatchTable): BatchFrame {
  const r = new BitReader(bytes, WHAT);
  const flag = r.readBits(8);
  const commonTimestamp = (flag & 0x02) !== 0;
  const hasSamples = (flag & 0x04) === 0;
  const seriesCount = flag >> 4;
  const counter = r.readBits(3);
  r.readBits(1);

  const states: (SeriesState | undefined)[] = [];
  let lastTs = 0;
  let firstSeries = -1;
  for (let k = 0; k < seriesCount; k++) {
    const idx = findSeries(table, r.readBits(table.tagBits), r);
    if (k === 0) firstSeries = idx;
    lastTs = readTimestamp(r, lastTs);
    const state: SeriesState = {
      points: [{ timestampS: lastTs, raw: readMeasure(r, table.series[idx]!.sampleType) }],
      codingType: 0,
      codingTable: 0,
    };
    if (hasSamples) {
      state.codingType = r.readBits(2);
      state.codingTable = r.readBits(2);
    }
    states[idx] = state;
  }

  if (hasSamples) {
    lastTs = commonTimestamp
      ? readCommon(r, table, states, seriesCount, firstSeries)
      : readSeparate(r, table, states, seriesCount, lastTs);
  }
  const timestampS = readTimestamp(r, lastTs);

  const points: BatchPoint[] = [];
  for (let i = 0; i < table.series.length; i++) {
    const s = states[i];
    if (s === undefined) continue;
    for (const p of s.points) points.push({ series: i, timestampS: p.timestampS, raw: p.raw });
  }
  return { counter, timestampS, points };
}

function readSample(r: BitReader, table: BatchTable, idx: number, state: SeriesState,
  bi: number): number {
  if (bi > BI_MAX_DELTA) return readMeasure(r, table.series[idx]!.sampleType);
  const prev = lastPoint(state, r).raw;
  return bi > 0
    ? readDelta(r, state.codingType, bi, prev, table.series[idx]!.resolution)
    : prev;
}

function readSeparate(r: BitReader, table: BatchTable, states: (SeriesState | undefined)[],
  seriesCount: number, lastTs: number): number {
  for (let k = 0; k < seriesCount; k++) {
    const idx = findSeries(table, r.readBits(table.tagBits), r);
    const n = r.readBits(8);
    if (n === 0) continue;
    const state = states[idx];
    const tsCoding = r.readBits(2);
    for (let j = 0; j < n; j++) {
      const prevTs = lastPoint(state, r).timestampS;
      const ts = timestampFromBi(r, prevTs, r.readHuffman(tsCoding));
      if (ts > lastTs) lastTs = ts;
      const raw = readSample(r, table, idx, state!, r.readHuffman(state!.codingTable));
      state!.points.push({ timestampS: ts, raw });
    }
  }
  return lastTs;
}

function readCommon(r: BitReader, table: BatchTable, states: (SeriesState | undefined)[],
  seriesCount: number, firstSeries: number): number {
  const n = r.readBits(8);
  const tsCoding = r.readBits(2);
  const stamps: number[] = [];
  for (let i = 0; i < n; i++) {
    const bi = r.readHuffman(tsCoding);
    if (bi > BI_MAX_DELTA) stamps.push(r.readBits(32));
    else if (i === 0) stamps.push(lastPoint(states[firstSeries], r).timestampS);
    else if (bi > 0) stamps.push(r.readBits(bi) + stamps[i - 1]! + Math.pow(2, bi) - 1);
    else stamps.push(stamps[i - 1]!);
  }
  for (let k = 0; k < seriesCount; k++) {
    const idx = findSeries(table, r.readBits(table.tagBits), r);
    const state = states[idx];
    // The first zero delta of a series repeats its first value, already counted: skip it.
    let firstZeroDelta = true;
    for (let i = 0; i < n; i++) {
      if (!r.readBits(1)) continue;
      if (state === undefined) lastPoint(state, r);
      const bi = r.readHuffman(state!.codingTable);
      if (bi === 0 && firstZeroDelta) {
        firstZeroDelta = false;
        continue;
      }
      const raw = readSample(r, table, idx, state!, bi);
      state!.points.push({ timestampS: stamps[i]!, raw });
    }
  }
  return n > 0 ? stamps[n - 1]! : 0;
}

function writeMeasure(w: BitWriter, sampleType: number, raw: number, what: string): void {
  const bits = SAMPLE_BITS[sampleType];
  if (bits === undefined || bits === 0 || sampleType === ST_FLOAT) {
    fail(`${what}: sample type ${sampleType} cannot be encoded`);
  }
  if (isSigned(sampleType)) w.writeSigned(raw, bits, what);
  else w.writeBits(raw, bits, what);
}

function writeTimestamp(w: BitWriter, base: number, ts: number): void {
  if (!base) {
    w.writeBits(ts, 32, `${WHAT} timestamp`);
  } else if (ts === base) {
    w.writeHuffman(1, 0);
  } else {
    w.writeHuffman(1, 15);
    w.writeBits(ts, 32, `${WHAT} timestamp`);
  }
}

/**
 * Encodes a batch frame with separate timestamps, raw values where they change and zero
 * deltas where they repeat: valid for every decoder of the format, not the most compact.
 * Points must be in table order (all of a series together).
 * @throws CodecError when a value does not fit its sample type or a series has over 256 samples.
 */
export function encodeBatchFrame(frame: BatchFrame, table: BatchTable): number[] {
  const groups: { idx: number; points: BatchPoint[] }[] = [];
  for (const p of frame.points) {
    const g = groups[groups.length - 1];
    if (g !== undefined && g.idx === p.series) g.points.push(p);
    else groups.push({ idx: p.series, points: [p] });
  }
  if (groups.length > 15) fail(`${WHAT}: at most 15 series per frame, got ${groups.length}`);
  const hasSamples = groups.some((g) => g.points.length > 1);

  const w = new BitWriter();
  w.writeBits((groups.length << 4) | (hasSamples ? 0 : 0x04), 8, WHAT);
  w.writeBits(frame.counter, 3, `${WHAT} counter`);
  w.writeBits(0, 1, WHAT);

  let lastTs = 0;
  for (const g of groups) {
    const s = table.series[g.idx]!;
    w.writeBits(s.tag, table.tagBits, `${WHAT} tag`);
    writeTimestamp(w, lastTs, g.points[0]!.timestampS);
    lastTs = g.points[0]!.timestampS;
    writeMeasure(w, s.sampleType, g.points[0]!.raw, `${WHAT} ${s.name}`);
    if (hasSamples) w.writeBits(0, 4, WHAT);
  }

  if (hasSamples) {
    for (const g of groups) {
      const s = table.series[g.idx]!;
      w.writeBits(s.tag, table.tagBits, `${WHAT} tag`);
      const more = g.points.length - 1;
      if (more > 255) fail(`${WHAT}: at most 256 samples of ${s.name}, got ${more + 1}`);
      w.writeBits(more, 8, WHAT);
      if (more === 0) continue;
      w.writeBits(0, 2, WHAT);
      for (let j = 1; j < g.points.length; j++) {
        const p = g.points[j]!;
        const prev = g.points[j - 1]!;
        if (p.timestampS === prev.timestampS) {
          w.writeHuffman(0, 0);
        } else {
          w.writeHuffman(0, 15);
          w.writeBits(p.timestampS, 32, `${WHAT} timestamp`);
        }
        if (p.timestampS > lastTs) lastTs = p.timestampS;
        if (p.raw === prev.raw) {
          w.writeHuffman(0, 0);
        } else {
          w.writeHuffman(0, 15);
          writeMeasure(w, s.sampleType, p.raw, `${WHAT} ${s.name}`);
        }
      }
    }
  }
  writeTimestamp(w, lastTs, frame.timestampS);
  return w.bytes();
}
