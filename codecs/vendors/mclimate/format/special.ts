/**
 * MClimate argument layouts that are not plain numbers: packed nibbles, calendar values,
 * bit sets. Each is still a {@link ValueCodec}, usable from any device table.
 */
import { fail } from '../../../framework/codec-error.js';
import { readUintBE, writeUintBE } from '../../../framework/bytes.js';
import type { ValueCodec } from './values.js';

function field(v: unknown, key: string, what: string): unknown {
  if (typeof v !== 'object' || v === null || !(key in v)) fail(`${what}: missing field '${key}'`);
  return (v as Record<string, unknown>)[key];
}

function intIn(v: unknown, min: number, max: number, what: string): number {
  if (typeof v !== 'number' || v !== Math.floor(v) || v < min || v > max) {
    fail(`${what}: expected an integer from ${min} to ${max}, got ${String(v)}`);
  }
  return v as number;
}

/**
 * Vicki open-window parameters, 4 bytes: enabled, time in 5-minute steps, motor position low
 * byte, then motor position high nibble and delta (°C) nibble. The vendor calls the time
 * `closeTime` in the command and `duration` in the answer.
 */
export function openWindow(timeKey: string): ValueCodec {
  return {
    size: 4,
    read(b, o, what) {
      const enabled = readUintBE(b, o, 1, what) === 1;
      const time = readUintBE(b, o + 1, 1, what) * 5;
      const low = readUintBE(b, o + 2, 1, what);
      const packed = readUintBE(b, o + 3, 1, what);
      const out: Record<string, unknown> = { enabled };
      out[timeKey] = time;
      out.motorPosition = Math.floor(packed / 16) * 256 + low;
      out.delta = packed % 16;
      return out;
    },
    write(v, out, what) {
      const enabled = field(v, 'enabled', what);
      if (typeof enabled !== 'boolean') fail(`${what}.enabled: expected a boolean`);
      const time = intIn(field(v, timeKey, what), 0, 1275, `${what}.${timeKey}`);
      if (time % 5 !== 0) {
        fail(`${what}.${timeKey}: expected a multiple of 5 minutes, got ${time}`);
      }
      const pos = intIn(field(v, 'motorPosition', what), 0, 4095, `${what}.motorPosition`);
      const delta = intIn(field(v, 'delta', what), 0, 15, `${what}.delta`);
      out.push(enabled ? 1 : 0, time / 5, pos % 256, Math.floor(pos / 256) * 16 + delta);
    },
    schema: openWindowSchema(timeKey),
  };
}

function openWindowSchema(timeKey: string): Record<string, unknown> {
  const properties: Record<string, unknown> = {
    enabled: { type: 'boolean' },
    motorPosition: { type: 'integer' },
    delta: { type: 'integer', description: '°C' },
  };
  properties[timeKey] = { type: 'integer', description: 'minutes, multiple of 5' };
  return { type: 'object', properties, required: ['enabled', timeKey, 'motorPosition', 'delta'] };
}

/** FUOTA address: 32-bit unsigned (never a negative number) and its 8 hex digits. */
export const fuota: ValueCodec = {
  size: 4,
  read(b, o, what) {
    const address = readUintBE(b, o, 4, what);
    let raw = address.toString(16);
    while (raw.length < 8) raw = '0' + raw;
    return { fuota_address: address, fuota_address_raw: raw };
  },
  write(v, out, what) {
    writeUintBE(out, intIn(field(v, 'fuota_address', what), 0, 0xffffffff, what), 4, what);
  },
  schema: {
    type: 'object',
    properties: { fuota_address: { type: 'integer' }, fuota_address_raw: { type: 'string' } },
  },
};

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August',
  'September', 'October', 'November', 'December'];

function dayMonth(b: number[], o: number, what: string): string {
  const month = readUintBE(b, o, 1, what);
  const day = readUintBE(b, o + 1, 1, what);
  // Months are sent 0-based (0 = January).
  if (month > 11) fail(`${what}: month ${month} at offset ${o} is not 0 to 11`, o);
  return `${day} ${MONTHS[month]}`;
}

function writeDayMonth(v: unknown, out: number[], what: string): void {
  const m = /^(\d{1,3}) ([A-Za-z]+)$/.exec(String(v));
  const month = m ? MONTHS.indexOf(m[2]!) : -1;
  if (!m || month < 0) fail(`${what}: expected "<day> <Month>", got ${String(v)}`);
  out.push(month, intIn(parseInt(m![1]!, 10), 0, 255, what));
}

/** Heating season: start month, start day, end month, end day. */
export const heatingSchedule: ValueCodec = {
  size: 4,
  read: (b, o, what) => ({ start: dayMonth(b, o, what), end: dayMonth(b, o + 2, what) }),
  write(v, out, what) {
    writeDayMonth(field(v, 'start', what), out, `${what}.start`);
    writeDayMonth(field(v, 'end', what), out, `${what}.end`);
  },
  schema: {
    type: 'object',
    properties: { start: { type: 'string' }, end: { type: 'string' } },
  },
};

/**
 * Device clock: a 32-bit Unix time, shown as the vendor does, `"d/m/yyyy h:mm"` in UTC
 * (computed with UTC getters, so it does not shift with the machine's time zone).
 */
export const deviceTime: ValueCodec = {
  size: 4,
  read(b, o, what) {
    const d = new Date(readUintBE(b, o, 4, what) * 1000);
    const min = d.getUTCMinutes();
    return `${d.getUTCDate()}/${d.getUTCMonth() + 1}/${d.getUTCFullYear()} ` +
      `${d.getUTCHours()}:${min < 10 ? '0' : ''}${min}`;
  },
  write(v, out, what) {
    const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4}) (\d{1,2}):(\d{2})$/.exec(String(v));
    if (!m) fail(`${what}: expected "d/m/yyyy h:mm", got ${String(v)}`);
    const ms = Date.UTC(+m![3]!, +m![2]! - 1, +m![1]!, +m![4]!, +m![5]!);
    writeUintBE(out, ms / 1000, 4, what);
  },
  schema: { type: 'string', description: 'd/m/yyyy h:mm, UTC' },
};

/**
 * Heating event states: one reserved byte, then 3 bytes of flags, event 0 in the lowest bit
 * of the last byte, up to event 19.
 */
export const heatingEventStates: ValueCodec = {
  size: 4,
  read(b, o, what) {
    readUintBE(b, o, 1, what);
    const bits = readUintBE(b, o + 1, 3, what);
    const out: Record<string, boolean> = {};
    for (let i = 0; i < 20; i++) out[String(i)] = Math.floor(bits / Math.pow(2, i)) % 2 === 1;
    return out;
  },
  write(v, out, what) {
    let bits = 0;
    for (let i = 0; i < 20; i++) {
      const s = field(v, String(i), what);
      if (typeof s !== 'boolean') fail(`${what}.${i}: expected a boolean`);
      if (s) bits += Math.pow(2, i);
    }
    out.push(0);
    writeUintBE(out, bits, 3, what);
  },
  schema: { type: 'object', additionalProperties: { type: 'boolean' } },
};

/** A byte of named flags, bit 0 first; the following reserved bytes are written as zero. */
export function flags(names: string[], reservedAfter: number): ValueCodec {
  return {
    size: 1 + reservedAfter,
    read(b, o, what) {
      const v = readUintBE(b, o, 1 + reservedAfter, what);
      const byte = Math.floor(v / Math.pow(256, reservedAfter));
      const out: Record<string, boolean> = {};
      for (let i = 0; i < names.length; i++) {
        out[names[i]!] = Math.floor(byte / Math.pow(2, i)) % 2 === 1;
      }
      return out;
    },
    write(v, out, what) {
      let byte = 0;
      for (let i = 0; i < names.length; i++) {
        const s = field(v, names[i]!, what);
        if (typeof s !== 'boolean') fail(`${what}.${names[i]}: expected a boolean`);
        if (s) byte += Math.pow(2, i);
      }
      out.push(byte);
      for (let i = 0; i < reservedAfter; i++) out.push(0);
    },
    schema: { type: 'object', properties: {} },
  };
}

const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
const GROUPS = ['0-7', '8-15', '16-19'];

function two(n: number): string {
  return (n < 10 ? '0' : '') + n;
}

/**
 * Vicki heating events, one group per answer: group byte (0 = events 0-7, 1 = 8-15,
 * 2 = 16-19), then 8 slots of 5 bytes: hour, minute, target (0.1 °C, 16 bits), weekday
 * bits (bit 0 Monday .. bit 6 Sunday). All-zero slots are unconfigured and left out; in
 * group 2 only the first 4 slots exist. Decodes to `heatingEventGroup` and `heatingEvents`,
 * merged into the message (a flat answer).
 */
export const heatingEvents: ValueCodec = {
  size: 41,
  read(b, o, what) {
    const group = readUintBE(b, o, 1, what);
    if (group > 2) fail(`${what}: event group ${group} at offset ${o} is not 0 to 2`, o);
    const events: unknown[] = [];
    const slots = group === 2 ? 4 : 8;
    for (let i = 0; i < 8; i++) {
      const at = o + 1 + i * 5;
      const hour = readUintBE(b, at, 1, what);
      const minute = readUintBE(b, at + 1, 1, what);
      const target = readUintBE(b, at + 2, 2, what);
      const days = readUintBE(b, at + 4, 1, what);
      if (i >= slots || (hour === 0 && minute === 0 && target === 0 && days === 0)) continue;
      const weekdays: Record<string, boolean> = {};
      for (let d = 0; d < 7; d++) {
        weekdays[WEEKDAYS[d]!] = Math.floor(days / Math.pow(2, d)) % 2 === 1;
      }
      events.push({
        index: group * 8 + i,
        start: `${two(hour)}:${two(minute)}`,
        targetTemperature: target / 10,
        weekdays,
      });
    }
    return { heatingEventGroup: GROUPS[group], heatingEvents: events };
  },
  write(v, out, what) {
    const group = GROUPS.indexOf(field(v, 'heatingEventGroup', what) as string);
    if (group < 0) fail(`${what}.heatingEventGroup: expected one of ${GROUPS.join(', ')}`);
    const events = field(v, 'heatingEvents', what);
    if (!(events instanceof Array)) fail(`${what}.heatingEvents: expected an array`);
    const slots: number[] = [];
    for (let i = 0; i < 40; i++) slots.push(0);
    const list = events as Array<Record<string, unknown>>;
    for (let k = 0; k < list.length; k++) {
      const e = list[k]!;
      const w = `${what}.heatingEvents[${k}]`;
      const slot = intIn(e.index, group * 8, group * 8 + (group === 2 ? 3 : 7), `${w}.index`) -
        group * 8;
      const m = /^(\d{2,3}):(\d{2,3})$/.exec(String(e.start));
      if (!m) fail(`${w}.start: expected "hh:mm", got ${String(e.start)}`);
      const t = Math.round((e.targetTemperature as number) * 10);
      intIn(t, 0, 65535, `${w}.targetTemperature`);
      let days = 0;
      const wd = (e.weekdays ?? {}) as Record<string, unknown>;
      for (let d = 0; d < 7; d++) if (wd[WEEKDAYS[d]!] === true) days += Math.pow(2, d);
      const at = slot * 5;
      slots[at] = intIn(parseInt(m![1]!, 10), 0, 255, `${w}.start`);
      slots[at + 1] = intIn(parseInt(m![2]!, 10), 0, 255, `${w}.start`);
      slots[at + 2] = Math.floor(t / 256);
      slots[at + 3] = t % 256;
      slots[at + 4] = days;
    }
    out.push(group);
    for (let i = 0; i < 40; i++) out.push(slots[i]!);
  },
  schema: {
    type: 'object',
    properties: {
      heatingEventGroup: { enum: GROUPS },
      heatingEvents: { type: 'array' },
    },
  },
};
