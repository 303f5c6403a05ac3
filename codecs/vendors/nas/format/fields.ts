/**
 * One implementation of the NAS body format, driven by field tables: a packet body is a list
 * of fields `[kind, name, options]` read and written in order, and the same list gives the
 * decoder, the encoder and the JSON Schema of the decoded fields. NAS bodies are little-endian
 * and bit fields count from the least significant bit (NAS UL2030 and CM3xxx/UM3xxx payload
 * descriptions); device files keep hand-written code only for irregular packets.
 *
 * The tables are plain data so that a network-server script (40 KiB at most) carries each
 * field name once instead of once per direction. Packets that only travel uplink stay
 * hand-written: their encoders are left out of scripts (NasPacket.encodeUplink), while a table's
 * encoder is this shared interpreter, which would keep every value encoder its kinds need.
 */
import { fail } from '../../../framework/codec-error.js';
import type { JsonSchema } from '../../../framework/types.js';
import {
  type Reader, type Writer, bit, f32, floatOfText, left, raw, readInt, wf32,
  writeInt,
} from './io.js';
import type { NasPacket } from './packet.js';
import { S } from './packet.js';
import {
  type Fields, arrField, asFields, boolField, bytesHexUpper, hexBytes, intValue, pad, utf8Decode,
  utf8Encode,
} from './values.js';
import {
  addressSchema, decodeAddress, decodeStepTime, encodeAddress, encodeStepTime, formatLux,
} from './lighting/dali.js';
import { decodeEpoch, encodeEpoch } from './lighting/time.js';

/**
 * How a field is coded:
 * - `u8` `u16` `u24` `u32` `i8` `i16` `i32`: an integer (see {@link FieldOptions});
 * - `bit0`: a byte whose bit 0 is a boolean; `nz`: a byte, true when not zero;
 * - `flags`: a byte of booleans named by `bits` (bit 0 first, `''` for an unused bit);
 * - `addr`: a UL20xx DALI/analogue address byte (`ff` names 0xFF);
 * - `time`: a profile step time (tens of minutes, `HH:MM`); `days`: the active-days byte;
 * - `epoch`: Unix seconds (u32) shown as ISO 8601, `'invalid_timestamp'` before 2015;
 * - `lux`: a binary32 lux threshold shown as the vendor prints it;
 * - `enum`: a byte named by `table`, any other value an error;
 * - `hex`: `size` bytes (0: the rest of the frame) shown as upper-case hex, `reverse` for
 *   little-endian identifiers shown big-endian;
 * - `zero`: a reserved byte, written 0 and ignored when read;
 * - `sub`: a sub-header byte that must be `value`;
 * - `count`: the record count of the list `name` that comes later in the body;
 * - `list`: records of `item` fields, counted (`counted`: by a `count` field met before, else
 *   by a leading byte) or up to the end of the frame;
 * - `md`: a month byte and a day byte, shown `MM/DD`;
 * - `zenith`: a sun zenith angle in sixths of a degree from 90° (i8), shown with 2 decimals;
 * - `text`: UTF-8 text (RFC 3629) whose byte length is a `count` field met before.
 */
export type FieldKind = 'u8' | 'u16' | 'u24' | 'u32' | 'i8' | 'i16' | 'i32' | 'bit0' | 'nz' |
  'flags' | 'addr' | 'time' | 'days' | 'epoch' | 'lux' | 'enum' | 'hex' | 'zero' | 'sub' |
  'count' | 'list' | 'md' | 'zenith' | 'text';

/** Options of a field; each applies to the kinds named. */
export interface FieldOptions {
  /** Integers: raw values shown by name instead of a number (`{ 255: 'disabled' }`). */
  special?: Record<number, string>;
  /** Integers: the value shown is raw / `div` (hundredths of a degree: 100). */
  div?: number;
  /** Integers: the value shown is raw * `mul` (units of 5 s: 5). */
  mul?: number;
  /**
   * Integers: the raw value that means "not set": the field is then left out. `count`: the
   * count byte that means the list and every field after it are absent.
   */
  absent?: number;
  /** Integers: the largest valid raw value; a larger one read is an error. */
  max?: number;
  /** Integers with `absent`: when absent, the body ends there (nothing else is sent). */
  last?: boolean;
  /** `count`: a second list whose count is the high nibble (the first list's, the low). */
  pair?: string;
  /** `sub`: the byte value; `zero`: the value written (default 0). */
  value?: number;
  /** `flags`: names of bits 0 to 7, `''` for a bit not shown. */
  bits?: string[];

  /** `addr`: the name of address byte 0xFF (null: 0xFF is an invalid address). */
  ff?: string | null;
  /** `enum`: the names (or numbers) shown for the raw values. */
  table?: Record<number, string | number>;
  /** `hex`: the byte count (0: up to the end of the frame). */
  size?: number;
  /** `hex`: shown in reverse byte order. */
  reverse?: boolean;
  /** `hex`: the byte count is the value of this field, read before. */
  sizeFrom?: string;
  /** `enum`: the name of any raw value not in `table`. */
  rest?: string;
  /**
   * Any kind: this field and those after it are optional: read only when bytes are left,
   * written only when `data` has the field.
   */
  optional?: boolean;
  /** Any kind: read only when the boolean field `when`, read before, is true. */
  when?: string;
  /** `list`: the fields of one record. */
  item?: Field[];
  /** `list`: a count byte comes first; otherwise records run to the end of the frame. */
  counted?: boolean;
  /** `list`: each record is the value of its one field (named `''`), not an object. */
  scalar?: boolean;
}

/** One field of a body: its kind, its name in decoded data, its options. */
export type Field = [FieldKind, string, FieldOptions?];

/** Byte width and signedness of the integer kinds. */
const INTS: Record<string, [number, boolean]> = {
  u8: [1, false], u16: [2, false], u24: [3, false], u32: [4, false], i8: [1, true],
  i16: [2, true], i32: [4, true],
};

const DAYS = ['holiday', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

function isSpecial(o: FieldOptions, raw: number): boolean {
  return (o.special !== undefined && o.special[raw] !== undefined) || o.absent === raw;
}

/**
 * Reads `fields` at the cursor into `out`.
 *
 * @param r - the cursor, after the header byte
 * @param fields - the body layout
 * @param out - the decoded object, filled in place
 * @param warnings - where alarms and invalid values are reported
 * @throws CodecError naming the packet, field and offset for a short frame or a value the
 *   layout does not allow
 * @example decodeFields(reader([0x22, 0x05], 'fade_config_packet'), FADE, out, warnings)
 */
export function decodeFields(r: Reader, fields: Field[], out: Fields, warnings: string[]): void {
  const counts: Record<string, number> = {};
  for (const [kind, name, opt] of fields) {
    const o = opt || {};
    const at = r.offset;
    const int = INTS[kind];
    if ((o.optional && left(r) === 0) || (o.when !== undefined && out[o.when] !== true)) return;
    if (int !== undefined) {
      const v = readInt(r, int[0], int[1], name);
      if (v === o.absent) {
        if (o.last) return;
        continue;
      }
      if (o.special !== undefined && o.special[v] !== undefined) out[name] = o.special[v];
      else if (o.max !== undefined && v > o.max) invalid(r, name, v, at);
      else out[name] = o.div ? v / o.div : o.mul ? v * o.mul : v;
    } else if (kind === 'list') {
      const list: unknown[] = [];
      let n = !o.counted ? -1 : counts[name] !== undefined ? counts[name]!
        : readInt(r, 1, false, name + ' count');
      while (n < 0 ? left(r) > 0 : n-- > 0) {
        const item: Fields = {};
        decodeFields(r, o.item!, item, warnings);
        list.push(o.scalar ? item[''] : item);
      }
      out[name] = list;
    } else if (kind === 'hex') {
      const size = o.sizeFrom !== undefined ? out[o.sizeFrom] as number : o.size;
      const b = raw(r, size ? size : left(r), name);
      out[name] = bytesHexUpper(o.reverse ? b.reverse() : b);
    } else if (kind === 'epoch') {
      const v = readInt(r, 4, false, name);
      out[name] = o.special && o.special[v] ? o.special[v] : decodeEpoch(v, warnings);
    } else if (kind === 'lux') {
      out[name] = formatLux(f32(r, name));
    } else if (kind === 'text') {
      // The vendor's decoder shows null for bytes that are not UTF-8; an error says more.
      const text = utf8Decode(raw(r, counts[name]!, name));
      if (text === null) fail(`${r.what}: ${name} at offset ${at} is not UTF-8`, at);
      out[name] = text;
    } else if (kind === 'md') {
      const month = readInt(r, 1, false, 'month');
      out[name] = pad(month, 2) + '/' + pad(readInt(r, 1, false, 'day'), 2);
    } else {
      const b = readInt(r, 1, false, name);
      if (kind === 'count') {
        // A count byte may also say that nothing follows (`absent`).
        if (b === o.absent) return;
        counts[name] = o.pair ? b & 0x0f : b;
        if (o.pair) counts[o.pair] = b >> 4;
      } else if (kind === 'zenith') out[name] = ((b << 24 >> 24) / 6 + 90).toFixed(2);
      else if (kind === 'sub' && b !== o.value) {
        fail(`${r.what}: ${name} ${b} at offset ${at}, expected ${o.value}`, at);
      } else if (kind === 'bit0') out[name] = bit(b, 0);
      else if (kind === 'nz') out[name] = b !== 0;
      else if (kind === 'addr') out[name] = decodeAddress(b, o.ff || null, warnings);
      else if (kind === 'time') out[name] = decodeStepTime(b);
      else if (kind === 'flags' || kind === 'days') {
        // Index loops, no closures: TypeScript would lower a closure in this loop to a function.
        const names = o.bits || DAYS;
        const days: string[] = [];
        for (let i = 0; i < names.length; i++) {
          if (kind === 'days') {
            if (bit(b, i)) days.push(names[i]!);
          } else if (names[i] !== '') out[names[i]!] = bit(b, i);
        }
        if (kind === 'days') out[name] = days;
      } else if (kind === 'enum') {
        const v = o.table![b] !== undefined ? o.table![b] : o.rest;
        if (v === undefined) invalid(r, name, b, at);
        out[name] = v;
      }
    }
  }
}

function str(v: unknown, what: string): string {
  if (typeof v !== 'string') fail(`${what}: expected a string, got ${JSON.stringify(v)}`);
  return v;
}

function invalid(r: Reader, name: string, v: number, at: number): never {
  fail(`${r.what}: invalid ${name} 0x${v.toString(16)} at offset ${at}`, at);
}

/** The raw value named `v` in `table`, or -1. */
function codeIn(table: Record<string, unknown> | undefined, v: unknown): number {
  for (const k in table) if (table[k] === v) return Number(k);
  return -1;
}

/**
 * Writes `data` after the bytes already in `w`, as `fields` lay it out.
 *
 * @param w - the sink (its header byte already written)
 * @param fields - the body layout
 * @param data - the decoded form to encode
 * @throws CodecError naming the packet and field that is missing or out of range
 * @example encodeFields(writer(0x22, 'fade_config_packet'), FADE, { fade_duration__s: 1 })
 */
export function encodeFields(w: Writer, fields: Field[], data: Fields): void {
  for (const [kind, name, opt] of fields) {
    const o = opt || {};
    const v = data[name];
    const what = `${w.what}: ${name}`;
    const int = INTS[kind];
    if (o.optional && v === undefined) return;
    if (o.when !== undefined && data[o.when] !== true) {
      if (v !== undefined) fail(`${what}: needs ${o.when}`);
      return;
    }
    if (int !== undefined) {
      let n = codeIn(o.special, v);
      if (v === undefined && o.absent !== undefined) {
        writeInt(w, o.absent, int[0], int[1], name);
        if (o.last) return;
        continue;
      }
      if (n < 0) {
        if (v === undefined) fail(`${w.what}: missing field ${name}`);
        if (typeof v !== 'number' || !isFinite(v)) {
          fail(`${what}: expected a number, got ${JSON.stringify(v)}`);
        }
        n = o.div ? Math.round(v * o.div) : o.mul ? v / o.mul : v;
        // The range excludes the raw values that carry a name.
        const bits = int[0] * 8;
        let lo = int[1] ? -Math.pow(2, bits - 1) : 0;
        let hi = o.max !== undefined ? o.max : int[1] ? -lo - 1 : Math.pow(2, bits) - 1;
        while (isSpecial(o, lo)) lo++;
        while (isSpecial(o, hi)) hi--;
        intValue(n, lo, hi, what + (o.mul ? ` / ${o.mul}` : ''));
      }
      writeInt(w, n, int[0], int[1], name);
    } else if (kind === 'list') {
      const list = arrField(data, name, w.what);
      // A count written by a `count` field before is not written again here.
      let counted = o.counted;
      for (let i = 0; i < fields.length; i++) {
        const f = fields[i]!;
        if (f[0] === 'count' && (f[1] === name || (f[2] && f[2].pair === name))) counted = false;
      }
      if (counted) writeInt(w, intValue(list.length, 0, 255, what), 1, false, name);
      for (const item of list) {
        encodeFields(w, o.item!, o.scalar ? { '': item } : asFields(item, what));
      }
    } else if (kind === 'hex') {
      const b = hexBytes(v, what);
      const size = o.sizeFrom !== undefined ? data[o.sizeFrom] : o.size;
      if (size && b.length !== size) fail(`${what}: expected ${String(size)} bytes`);
      for (const x of o.reverse ? b.reverse() : b) w.bytes.push(x);
    } else if (kind === 'epoch') {
      const n = codeIn(o.special, v);
      writeInt(w, n >= 0 ? n : encodeEpoch(v, what), 4, false, name);
    } else if (kind === 'text') {
      for (const b of utf8Encode(str(v, what), what)) w.bytes.push(b);
    } else if (kind === 'md') {
      const m = typeof v === 'string' ? /^(\d{2,3})\/(\d{2,3})$/.exec(v) : null;
      if (m === null) fail(`${what}: expected MM/DD, got ${JSON.stringify(v)}`);
      writeInt(w, Number(m[1]), 1, false, 'month');
      writeInt(w, Number(m[2]), 1, false, 'day');
    } else if (kind === 'lux') {
      wf32(w, floatOfText(str(v, what)), name);
    } else {
      let b = 0;
      if (kind === 'count') {
        if (v === undefined && o.absent !== undefined) {
          writeInt(w, o.absent, 1, false, name);
          return;
        }
        // The count of a list, or the UTF-8 byte length of a text.
        const n = v instanceof Array || v === undefined ? arrField(data, name, w.what).length
          : utf8Encode(str(v, what), what).length;
        b = o.pair ? intValue(n, 0, 15, what + ' count') |
          intValue(arrField(data, o.pair, w.what).length, 0, 15, `${w.what}: ${o.pair} count`) << 4
          : intValue(n, 0, o.absent !== undefined ? o.absent - 1 : 255, what + ' count');
      } else if (kind === 'zenith') {
        b = intValue(Math.round((parseFloat(str(v, what)) - 90) * 6), -128, 127, what) & 0xff;
      }
      else if (kind === 'sub' || kind === 'zero') b = o.value || 0;
      else if (kind === 'bit0' || kind === 'nz') b = boolField(data, name, w.what) ? 1 : 0;
      else if (kind === 'addr') b = encodeAddress(v, o.ff || null, what);
      else if (kind === 'time') b = encodeStepTime(v, what);
      else if (kind === 'flags' || kind === 'days') {
        const names = o.bits || DAYS;
        const days = kind === 'days' ? arrField(data, name, w.what) : [];
        for (const d of days) {
          if (DAYS.indexOf(d as string) < 0) fail(`${what}: unknown day ${String(d)}`);
        }
        for (let i = 0; i < names.length; i++) {
          const k = names[i]!;
          const set = kind === 'days' ? days.indexOf(k) >= 0
            : k !== '' && boolField(data, k, w.what);
          if (set) b |= 1 << i;
        }
      } else if (kind === 'enum') {
        b = codeIn(o.table, v);
        if (b < 0) {
          fail(`${what}: expected one of ${namesOf(o.table!).join(', ')}, got ` +
            JSON.stringify(v));
        }
      }
      writeInt(w, b, 1, false, name);
    }
  }
}

function namesOf(table: Record<number, string | number>): (string | number)[] {
  const out: (string | number)[] = [];
  for (const k in table) out.push(table[k]!);
  return out;
}

/**
 * The JSON Schemas of the fields `fields` decodes to, by name (registry metadata: the script
 * build empties them).
 *
 * @example schemaOfFields([['u16', 'on_delay__s']]) // { on_delay__s: { type: 'integer' } }
 */
export function schemaOfFields(fields: Field[]): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [kind, name, opt] of fields) {
    const o = opt || {};
    if (INTS[kind] !== undefined) {
      const base = o.div ? S.num : S.int;
      out[name] = o.special ? { oneOf: [base, { enum: namesOf(o.special) }] } : base;
    } else if (kind === 'flags') {
      for (const k of o.bits!) if (k !== '') out[k] = S.bool;
    } else if (kind === 'list') {
      const item = schemaOfFields(o.item!);
      out[name] = S.list(o.scalar ? item['']! : S.obj(item));
    } else if (kind === 'bit0' || kind === 'nz') out[name] = S.bool;
    else if (kind === 'addr') out[name] = addressSchema(o.ff || null);
    else if (kind === 'days') out[name] = S.list(S.enum(...DAYS));
    else if (kind === 'enum') out[name] = { enum: namesOf(o.table!) };

    else if (kind !== 'zero' && kind !== 'sub' && kind !== 'count') out[name] = S.str;
  }
  return out;
}

/** What a table packet declares: everything but the coding, which its fields give. */
export interface TablePacket {
  /**
   * A body that may be empty: the controller's way of saying a command failed, reported as
   * this warning (then nothing is encoded when `data` lacks the first field).
   */
  emptyWarning?: string;
  name: string;
  fPort: number;
  header: number;
  /** Default `'both'`. */
  direction?: NasPacket['direction'];
  packetDescription: string;
  fields: Field[];
  /** As {@link NasPacket.accepts}. */
  accepts?: NasPacket['accepts'];
}

/**
 * A {@link NasPacket} coded by its field table.
 *
 * @example tablePacket({ name: 'fade_config_packet', fPort: 50, header: 0x22,
 *   packetDescription: 'DALI fade time', fields: [['u8', 'fade']] })
 */
export function tablePacket(t: TablePacket): NasPacket {
  const fields = t.fields;
  const up = t.direction === 'uplink';
  const encode: NasPacket['encode'] = (data, w) => {
    if (t.emptyWarning === undefined || data[fields[0]![1]] !== undefined) {
      encodeFields(w, fields, data);
    }
  };
  return {
    name: t.name, fPort: t.fPort, header: t.header, direction: t.direction || 'both',
    packetDescription: t.packetDescription,
    decode: (r, out, warnings) => {
      if (t.emptyWarning !== undefined && left(r) === 0) warnings.push(t.emptyWarning);
      else decodeFields(r, fields, out, warnings);
    },
    encode: up ? undefined : encode,
    encodeUplink: up ? encode : undefined,
    packetSchema: schemaOfFields(fields),
    accepts: t.accepts,
  };
}
