/**
 * M-Bus data records of the UM30xx in the vendor's flat shape (`actuality_duration__seconds:
 * 7216`), decoded by the project's OMS layer (`codecs/formats/oms/`, EN 13757-3:2018 §6).
 * Names follow the vendor's reference decoder: optional `storage<n>_`, `subunit<n>_`,
 * `tariff<n>_` prefixes, the quantity in lower case with underscores, `_max` / `_min` /
 * `_during_error` for the record function, then `__<unit>` (time units spelt out, `/` as
 * `_per_`, `°` as `deg`).
 *
 * Known gaps: VIFE extensions (the vendor appends a few of their texts to the name) and
 * manufacturer-specific data are not named; a date or date-time record keeps the OMS
 * layer's ISO text; quantities named differently by the vendor's M-Bus library than by
 * EN 13757-3 (`time_point` for dates) follow EN 13757-3.
 */
import { decodeOmsRecords } from '../../../../formats/oms/records.js';
import type { MbusRecordDecoder } from './um-usage.js';

const TIME_UNITS: Record<string, string> = { s: 'seconds', min: 'minutes', h: 'hours',
  d: 'days' };
const FUNCTION_SUFFIX: Record<string, string> = { instantaneous: '', maximum: '_max',
  minimum: '_min', error: '_during_error' };

function unitName(unit: string): string {
  const u = TIME_UNITS[unit] !== undefined ? TIME_UNITS[unit]! : unit;
  return u.replace(/\s+/g, '').replace('/', '_per_').replace('³', '3').replace('°', 'deg');
}

/** Decodes M-Bus data records into the vendor's flat object. */
export const mbusRecordsFlat: MbusRecordDecoder = (bytes) => {
  const out: Record<string, unknown> = {};
  const decoded = decodeOmsRecords(bytes, 0).records;
  for (const rec of decoded) {
    let name = '';
    if (rec.storage > 0) name += 'storage' + rec.storage + '_';
    if (rec.subUnit > 0) name += 'subunit' + rec.subUnit + '_';
    if (rec.tariff > 0) name += 'tariff' + rec.tariff + '_';
    name += rec.description.replace(/\s*\(.*?\)/g, '').replace(/\s+/g, '_');
    name += FUNCTION_SUFFIX[rec.function]!;
    name = name.toLowerCase();
    if (rec.unit !== '') name += '__' + unitName(rec.unit);
    out[name] = rec.scaledValue !== undefined ? rec.scaledValue : rec.value;
  }
  return out;
};
