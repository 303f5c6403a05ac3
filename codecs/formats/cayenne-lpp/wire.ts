/**
 * Cayenne LPP on the wire: a sequence of records `channel (1 byte) | type (1 byte) | value`,
 * each value a fixed number of big-endian integers (myDevices Cayenne LPP, "Payload structure").
 */
import { fail } from '../../framework/codec-error.js';
import { need, readIntBE, readUintBE, writeIntBE, writeUintBE } from '../../framework/bytes.js';
import type { Bytes } from '../../framework/types.js';
import { lppSize, lppTypeById, type LppEntry } from './types.js';

/**
 * Decodes every record of an LPP payload.
 *
 * @param bytes - the FRMPayload.
 * @returns the records in payload order, values scaled to their units.
 * @throws CodecError for an unknown type byte or a truncated record, naming the offset.
 * @example decodeLppRecords([3, 0x67, 0x01, 0x10]) // [{ channel: 3, type: …, values: [27.2] }]
 */
export function decodeLppRecords(bytes: Bytes): LppEntry[] {
  const out: LppEntry[] = [];
  let offset = 0;
  while (offset < bytes.length) {
    need(bytes, offset, 2, 'record header (channel and type)');
    const channel = bytes[offset]!;
    const typeId = bytes[offset + 1]!;
    const type = lppTypeById(typeId);
    if (type === undefined) {
      fail('unknown LPP type ' + typeId + ' at offset ' + (offset + 1), offset + 1);
    }
    offset += 2;
    const what = type.neutral + ' on channel ' + channel;
    need(bytes, offset, lppSize(type), what);

    const values: number[] = [];
    for (let i = 0; i < type.fields.length; i++) {
      const f = type.fields[i]!;
      const raw = f.signed
        ? readIntBE(bytes, offset, f.bytes, what)
        : readUintBE(bytes, offset, f.bytes, what);
      // Division (not multiplication by 0.1) gives the double nearest the decimal value, which
      // is what ChirpStack and the myDevices examples print (27.2, not 27.200000000000003).
      values.push(f.divisor === 1 ? raw : raw / f.divisor);
      offset += f.bytes;
    }
    out.push({ channel, type, values });
  }
  return out;
}

/**
 * Encodes records as an LPP payload.
 *
 * @param entries - channel, type and values (in units) of each record.
 * @returns the payload bytes.
 * @throws CodecError naming the type and channel when a value is not a finite number or does not
 *   fit its field after scaling.
 * @example encodeLppRecords([{ channel: 3, type: lppTypeById(103)!, values: [27.2] }])
 * // [3, 103, 1, 16]
 */
export function encodeLppRecords(entries: LppEntry[]): Bytes {
  const out: Bytes = [];
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const what = e.type.neutral + ' on channel ' + e.channel;
    writeUintBE(out, e.channel, 1, 'channel of ' + what);
    out.push(e.type.id);
    for (let j = 0; j < e.type.fields.length; j++) {
      const f = e.type.fields[j]!;
      const v = e.values[j];
      const name = what + (e.type.fields.length > 1 ? ' (' + f.key + ')' : '');
      if (typeof v !== 'number' || !isFinite(v)) {
        fail(name + ': expected a finite number, got ' + String(v));
      }
      const raw = Math.round(v * f.divisor) || 0; // `|| 0` turns -0 into 0
      const span = Math.pow(2, 8 * f.bytes);
      const min = f.signed ? -span / 2 : 0;
      const max = f.signed ? span / 2 - 1 : span - 1;
      if (raw < min || raw > max) {
        fail(name + ': ' + v + ' is outside ' + min / f.divisor + ' to ' + max / f.divisor);
      }
      if (f.signed) writeIntBE(out, raw, f.bytes, name);
      else writeUintBE(out, raw, f.bytes, name);
    }
  }
  return out;
}
