/**
 * The three printed shapes of decoded Cayenne LPP, and the way back from any of them to records
 * (so that `encodeUplink` and `normalizeUplink` accept whichever shape a server produced).
 *
 * - `neutral`: an array of `{ channel, <name>: value }` objects in payload order, names in
 *   snake case (`temperature`, `accelerometer_x`, `gps_lat`), values as decimal numbers.
 * - `tts`: The Things Stack's built-in formatter: `{ temperature_3: 27.200000762939453 }`, one
 *   field per `<name>_<channel>`, vectors as `{ x, y, z }` / `{ latitude, longitude, altitude }`,
 *   official scaled values rounded to float32 as that Go server holds them.
 * - `chirpstack`: ChirpStack v4's built-in codec: `{ temperatureSensor: { "3": 27.2 } }`.
 *
 * The extended (ElectronicCats) types are not decoded by either server's built-in formatter;
 * loire names them in each style by the same pattern (see `types.ts`).
 */
import { fail } from '../../framework/codec-error.js';
import { roundToFloat32 } from '../../framework/float32.js';
import { LPP_TYPES, type LppEntry, type LppType } from './types.js';

/** Output style names, the default first. */
export const LPP_STYLES = ['neutral', 'tts', 'chirpstack'] as const;

/** One of {@link LPP_STYLES}. */
export type LppStyle = (typeof LPP_STYLES)[number];

/**
 * Prints decoded records in `style`.
 *
 * @returns the `data` and warnings (a channel repeated with the same type in the keyed styles,
 *   where only the last value can be kept).
 */
export function formatLpp(
  entries: LppEntry[],
  style: LppStyle,
): { data: unknown; warnings: string[] } {
  const warnings: string[] = [];
  if (style === 'neutral') {
    const list: Record<string, number>[] = [];
    for (let i = 0; i < entries.length; i++) {
      const e = entries[i]!;
      const item: Record<string, number> = { channel: e.channel };
      for (let j = 0; j < e.type.fields.length; j++) {
        item[e.type.fields[j]!.neutralKey] = e.values[j]!;
      }
      list.push(item);
    }
    return { data: list, warnings };
  }

  const out: Record<string, unknown> = {};
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i]!;
    const value = style === 'tts' ? ttsValue(e) : keyedValue(e.type, e.values);
    let holder: Record<string, unknown> = out;
    let key = e.type.tts + '_' + e.channel;
    if (style === 'chirpstack') {
      if (!isPlainObject(out[e.type.chirpstack])) out[e.type.chirpstack] = {};
      holder = out[e.type.chirpstack] as Record<string, unknown>;
      key = String(e.channel);
    }
    if (Object.prototype.hasOwnProperty.call(holder, key)) {
      warnings.push(e.type.neutral + ' on channel ' + e.channel + ' appears more than once; ' +
        'the last value is kept');
    }
    holder[key] = value;
  }
  return { data: out, warnings };
}

function ttsValue(e: LppEntry): unknown {
  // The Things Stack decodes the official scaled values into float32 (go-cayenne-lib), then
  // prints them as float64; integer-valued types stay integers. It does not decode the extended
  // types at all, so there is no artefact to imitate there: they keep exact decimals (float32
  // would also lose the low digits of their 4-byte values).
  const values: number[] = [];
  for (let j = 0; j < e.values.length; j++) {
    const f = e.type.fields[j]!;
    const asGo = e.type.official && f.divisor !== 1;
    values.push(asGo ? roundToFloat32(e.values[j]!) : e.values[j]!);
  }
  return keyedValue(e.type, values);
}

function keyedValue(type: LppType, values: number[]): unknown {
  if (type.fields.length === 1) return values[0];
  const o: Record<string, number> = {};
  for (let j = 0; j < type.fields.length; j++) o[type.fields[j]!.key] = values[j]!;
  return o;
}

/**
 * Reads records back from data in any of the three styles (an array is neutral; an object is
 * read key by key as The Things Stack's `<name>_<channel>` or ChirpStack's `<name>: {channel}`).
 *
 * @throws CodecError naming the path of an unknown key, a bad channel or a missing value.
 */
export function parseLpp(data: unknown): LppEntry[] {
  if (Object.prototype.toString.call(data) === '[object Array]') {
    return parseNeutral(data as unknown[]);
  }
  if (!isPlainObject(data)) fail('data: expected an object or an array of Cayenne LPP records');
  const out: LppEntry[] = [];
  for (const key in data) {
    if (!Object.prototype.hasOwnProperty.call(data, key)) continue;
    const value = data[key];
    const m = /^([a-z_]+)_(\d+)$/.exec(key);
    const ttsType = m ? findType((t) => t.tts === m[1]) : undefined;
    if (m && ttsType) {
      out.push(entryOf(ttsType, channelOf(m[2]!, 'data.' + key), value, 'data.' + key));
      continue;
    }
    const csType = findType((t) => t.chirpstack === key);
    if (csType === undefined) fail('data.' + key + ': not a Cayenne LPP field');
    if (!isPlainObject(value)) fail('data.' + key + ': expected an object keyed by channel');
    for (const ch in value) {
      if (!Object.prototype.hasOwnProperty.call(value, ch)) continue;
      const path = 'data.' + key + '.' + ch;
      out.push(entryOf(csType, channelOf(ch, path), value[ch], path));
    }
  }
  return out;
}

function parseNeutral(list: unknown[]): LppEntry[] {
  const out: LppEntry[] = [];
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    const path = 'data[' + i + ']';
    if (!isPlainObject(item)) fail(path + ': expected an object with channel and a value');
    const channel = item['channel'];
    if (typeof channel !== 'number') fail(path + '.channel: expected an integer 0 to 255');
    channelOf(String(channel), path + '.channel');
    const used: Record<string, boolean> = { channel: true };
    let found = 0;
    for (let t = 0; t < LPP_TYPES.length; t++) {
      const type = LPP_TYPES[t]!;
      const values: number[] = [];
      for (let j = 0; j < type.fields.length; j++) {
        const k = type.fields[j]!.neutralKey;
        if (Object.prototype.hasOwnProperty.call(item, k)) values.push(item[k] as number);
      }
      if (values.length === 0) continue;
      if (values.length !== type.fields.length) {
        const keys = type.fields.map((f) => f.neutralKey).join(', ');
        fail(path + ': ' + type.neutral + ' needs all of ' + keys);
      }
      for (let j = 0; j < type.fields.length; j++) used[type.fields[j]!.neutralKey] = true;
      out.push({ channel, type, values });
      found++;
    }
    for (const k in item) {
      if (Object.prototype.hasOwnProperty.call(item, k) && !used[k]) {
        fail(path + '.' + k + ': not a Cayenne LPP field');
      }
    }
    if (found === 0) fail(path + ': no Cayenne LPP value besides channel');
  }
  return out;
}

function entryOf(type: LppType, channel: number, value: unknown, path: string): LppEntry {
  if (type.fields.length === 1) return { channel, type, values: [value as number] };
  if (!isPlainObject(value)) {
    fail(path + ': expected an object with ' + type.fields.map((f) => f.key).join(', '));
  }
  const values: number[] = [];
  for (let j = 0; j < type.fields.length; j++) {
    const k = type.fields[j]!.key;
    if (!Object.prototype.hasOwnProperty.call(value, k)) fail(path + '.' + k + ': missing');
    values.push(value[k] as number);
  }
  return { channel, type, values };
}

function channelOf(text: string, path: string): number {
  const n = /^\d{1,3}$/.test(text) ? parseInt(text, 10) : -1;
  if (n < 0 || n > 255) fail(path + ': channel must be an integer 0 to 255, got ' + text);
  return n;
}

function findType(match: (t: LppType) => boolean): LppType | undefined {
  for (let i = 0; i < LPP_TYPES.length; i++) if (match(LPP_TYPES[i]!)) return LPP_TYPES[i];
  return undefined;
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return Object.prototype.toString.call(v) === '[object Object]';
}
