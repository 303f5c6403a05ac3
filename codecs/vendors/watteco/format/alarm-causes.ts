/**
 * Report causes: the bytes a Watteco sensor appends to a report sent because a threshold or
 * delta criterion fired (Watteco "Configure reporting" application note, "ReportParameters"
 * and "CauseSubDescriptor"). The vendor's decoder turns them into warning strings, which this
 * module reproduces word for word, since operators filter on them.
 */
import { fail } from '../../../framework/codec-error.js';
import {
  need, readFloat32BE, readIntBE, readUintBE, writeIntBE, writeUintBE,
} from '../../../framework/bytes.js';
import type { AlarmSpec } from './attribute.js';
import { scaled } from './attribute.js';

/** One criterion of a cause, as the encoder takes it. */
export interface CauseCriterion {
  criterionIndex: number;
  mode: 'delta' | 'threshold' | 'unused';
  alarm: boolean;
  exceeded: boolean;
  fallen: boolean;
  /** Long causes: the field index of multi-field attributes. */
  fieldIndex?: number;
  /** Long causes: the criterion's value and (threshold) gap, in decoded units. */
  value?: number;
  gap?: number;
  /** Long threshold causes: occurrences, or up and down counts when both are given. */
  occurrences?: number;
  occurrencesUp?: number;
  occurrencesDown?: number;
}

/** The causes appended to a report. */
export interface ReportCauses {
  long: boolean;
  criteria: CauseCriterion[];
}

const MODES = ['unused', 'delta', 'threshold', 'unused'];
const WHAT = 'alarm causes';

function readCauseValue(bytes: number[], o: number, size: number, spec: AlarmSpec): number {
  if (spec.float === true) return readFloat32BE(bytes, o, WHAT) / spec.divider;
  const raw = spec.signed ? readIntBE(bytes, o, size, `${WHAT} value`)
    : readUintBE(bytes, o, size, `${WHAT} value`);
  return raw / spec.divider;
}

/**
 * Decodes the causes from `offset` to the end of the frame into the vendor's warning strings.
 * `alarm` is true for an alarm report (command 0x8A), which adds "alarm triggered" first.
 * `valueSize` is the byte size of the attribute's value.
 * @throws CodecError on an unknown cause type or bytes that end inside a criterion.
 */
export function decodeCauses(bytes: number[], offset: number, alarm: boolean,
  spec: AlarmSpec, valueSize: number): string[] {
  const messages: string[] = alarm ? ['alarm triggered'] : [];
  if (offset >= bytes.length) return messages;
  const causeType = (bytes[offset]! >> 4) & 0x03;
  if (causeType !== 1 && causeType !== 2) {
    fail(`${WHAT}: unexpected cause type ${causeType} in report parameters at offset ${offset}`,
      offset);
  }
  const long = causeType === 2;
  let o = offset + 1;
  if (o >= bytes.length) return messages.concat(['cause:{}']);

  while (o < bytes.length) {
    const csd = bytes[o++]!;
    const index = csd & 0x07;
    const mode = MODES[(csd >> 3) & 0x03]!;
    const fallen = (csd & 0x20) !== 0;
    const exceeded = (csd & 0x40) !== 0;
    const isAlarm = (csd & 0x80) !== 0;
    const crossing = exceeded && fallen ? 'exceed&fall'
      : exceeded ? 'exceed' : fallen ? 'fall' : '';
    const head = `cause:{alarm:${isAlarm}, criterion_index: ${index}`;
    if (!long) {
      const tail = mode === 'threshold' ? `, crossing: ${crossing}` : '';
      messages.push(`${head}, mode: ${mode}${tail}}`);
      continue;
    }

    let size = valueSize;
    let field: string | undefined;
    if (spec.fieldNames !== undefined) {
      const fi = readUintBE(bytes, o, 1, `${WHAT} field index`);
      o++;
      field = spec.fieldNames[fi];
      size = spec.fieldSize!;
    }
    const value = readCauseValue(bytes, o, size, spec);
    o += size;
    let msg: string;
    if (mode === 'threshold') {
      const gap = readCauseValue(bytes, o, size, spec);
      o += size;
      const occ = readUintBE(bytes, o, 1, `${WHAT} occurrences`);
      o++;
      msg = `${head}, mode: threshold, crossing: ${crossing}, value: ${value}, gap: ${gap}`;
      if ((occ & 0x80) !== 0) {
        need(bytes, o, 4, `${WHAT} occurrence counts`);
        const up = readUintBE(bytes, o, 2, WHAT);
        const down = readUintBE(bytes, o + 2, 2, WHAT);
        o += 4;
        msg += `, occurences_up: ${up}, occurences_down: ${down}`;
      } else {
        msg += `, occurences: ${occ}`;
      }
    } else {
      // The vendor labels every non-threshold long criterion "delta".
      msg = `${head}, mode: delta, value: ${value}`;
    }
    if (field !== undefined) msg += `, field: ${field}`;
    messages.push(msg + '}');
  }
  return messages;
}

function writeCauseValue(out: number[], v: number | undefined, size: number, spec: AlarmSpec,
  name: string): void {
  if (typeof v !== 'number') fail(`${WHAT}: long causes need a numeric ${name}`);
  if (spec.float === true) fail(`${WHAT}: float criteria cannot be encoded`);
  const raw = scaled(v, spec.divider, name, WHAT);
  if (spec.signed) writeIntBE(out, raw, size, `${WHAT} ${name}`);
  else writeUintBE(out, raw, size, `${WHAT} ${name}`);
}

/** Encodes report causes; the mirror of {@link decodeCauses}. */
export function encodeCauses(causes: ReportCauses, spec: AlarmSpec, valueSize: number): number[] {
  const out = [causes.long ? 0x20 : 0x10];
  for (const c of causes.criteria) {
    const modeBits = c.mode === 'delta' ? 1 : c.mode === 'threshold' ? 2 : 0;
    if (c.criterionIndex !== (c.criterionIndex & 7)) fail(`${WHAT}: criterionIndex is 0 to 7`);
    out.push(c.criterionIndex | (modeBits << 3) | (c.fallen ? 0x20 : 0) |
      (c.exceeded ? 0x40 : 0) | (c.alarm ? 0x80 : 0));
    if (!causes.long) continue;
    let size = valueSize;
    if (spec.fieldNames !== undefined) {
      writeUintBE(out, c.fieldIndex === undefined ? 0 : c.fieldIndex, 1, `${WHAT} fieldIndex`);
      size = spec.fieldSize!;
    }
    writeCauseValue(out, c.value, size, spec, 'value');
    if (c.mode !== 'threshold') continue;
    writeCauseValue(out, c.gap, size, spec, 'gap');
    if (c.occurrencesUp !== undefined || c.occurrencesDown !== undefined) {
      out.push(0x80);
      writeUintBE(out, c.occurrencesUp === undefined ? 0 : c.occurrencesUp, 2, WHAT);
      writeUintBE(out, c.occurrencesDown === undefined ? 0 : c.occurrencesDown, 2, WHAT);
    } else {
      writeUintBE(out, c.occurrences === undefined ? 0 : c.occurrences, 1, WHAT);
      if ((out[out.length - 1]! & 0x80) !== 0) fail(`${WHAT}: occurrences is 0 to 127`);
    }
  }
  return out;
}
