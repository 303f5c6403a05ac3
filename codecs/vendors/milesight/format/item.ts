/**
 * A Milesight record: a channel byte, a type byte (both together the "prefix"), then fixed-size
 * fields. Uplinks are sequences of such records ("Channel + Type + Data", Milesight device user
 * guides, section "Uplink Packets"); downlink commands use the same shape under channel 0xFF
 * (sometimes 0xF9 or 0xFE) and the device echoes accepted settings back in that shape.
 *
 * A device is a table of items; {@link decodeItems} and {@link encodeItems} are the only readers
 * and writers, so another device of the family is another table.
 */
import { fail } from '../../../framework/codec-error.js';
import { u8 } from '../../../framework/bytes.js';
import { type Field, codeOf, fieldSize, labelOf, readField, writeField } from './field.js';

/** One record or command of a device's table. */
export interface Item {
  /** Bytes that identify the item: channel and type, plus any fixed selector bytes. */
  prefix: number[];
  /** Message type this item belongs to (see the device's `messageTypes`). */
  messageType: string;
  /** Fields after the prefix. Their keys go to the top level unless `into` is set. */
  fields: Field[];
  /** Nest the fields in an object under this key. */
  into?: string;
  /** With `into`: the key holds an array and each occurrence appends one object. */
  list?: boolean;
  /**
   * With `into`: the object is shared by several commands, each setting some of its keys
   * (WT101 `temperature_control.enable` and `.mode` travel in two commands).
   */
  partOf?: boolean;
  /**
   * An action with no data (reboot, clear counter): decodes to `{[flag]: 'yes'}`, encodes from
   * `'yes'` or `1` (nothing is sent for `'no'` or `0`).
   */
  flag?: string;
  /**
   * A reply with a result byte after the fields (WT101 `f8` replies to `f9` commands): on
   * success (0) it decodes like the command; otherwise to `device_response_result` with the
   * channel type, the result label and the request, as the vendor's decoder shows it.
   */
  result?: Record<number, string>;
}

/** An item of one field at the top level, the common case of measurement records. */
export function one(prefix: number[], messageType: string, field: Field): Item {
  return { prefix, messageType, fields: [field] };
}

/** Total bytes of an item's fields. */
export function payloadSize(item: Item): number {
  let n = 0;
  for (let i = 0; i < item.fields.length; i++) n += fieldSize(item.fields[i]!);
  return n;
}

/** Name of an item for messages: its target key or first field key, and its prefix in hex. */
export function itemName(item: Item): string {
  const f = item.fields[0];
  const name = item.flag || item.into || (f && f.key) || 'record';
  const hex: string[] = [];
  for (let i = 0; i < item.prefix.length; i++) {
    hex.push('0x' + (item.prefix[i]! < 16 ? '0' : '') + item.prefix[i]!.toString(16));
  }
  return `${name} (${hex.join(' ')})`;
}

/**
 * Payload sizes of the IPSO-derived data types Milesight uses (IPSO Smart Objects, object id
 * minus 3200, as in Cayenne LPP): used only to step over a record of an unknown channel whose
 * type is known, below channel 0x80 (alarm channels 0x8X append bytes).
 */
const TYPE_SIZES: Record<number, number> = {
  0x00: 1, 0x01: 1, 0x67: 2, 0x68: 1, 0x73: 2, 0x74: 2, 0x75: 1, 0x7d: 2, 0x80: 4,
  0x81: 1, 0x82: 2, 0x83: 4, 0xc8: 4, 0xc9: 2, 0xcb: 1,
};

function matches(bytes: number[], offset: number, prefix: number[], aliasFe: boolean): boolean {
  if (offset + prefix.length > bytes.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const b = bytes[offset + i]!;
    if (b === prefix[i]) continue;
    // Devices answer a 0xFF command on channel 0xFE as well (Milesight user guides, "Downlink").
    if (i === 0 && aliasFe && b === 0xfe && prefix[0] === 0xff) continue;
    return false;
  }
  return true;
}

/**
 * True unless the item's first field is a packed byte with constant bits that differ from the
 * frame (EM400-MUD's `ff 06` alarm commands differ only in bits 3 to 5 of that byte).
 */
function fixedBitsMatch(bytes: number[], offset: number, item: Item): boolean {
  const f = item.fields[0];
  if (f === undefined || f.kind !== 'packed') return true;
  const at = offset + item.prefix.length;
  if (at >= bytes.length) return true;
  const parts = f.parts || [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    if (p.fixed === undefined) continue;
    if (Math.floor(bytes[at]! / Math.pow(2, p.shift)) % Math.pow(2, p.width) !== p.fixed) {
      return false;
    }
  }
  return true;
}

/** The item with the longest prefix matching at `offset`, if any. */
export function findItem(
  bytes: number[],
  offset: number,
  items: Item[],
  aliasFe: boolean,
): Item | undefined {
  let best: Item | undefined;
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (matches(bytes, offset, it.prefix, aliasFe) && fixedBitsMatch(bytes, offset, it)) {
      if (best === undefined || it.prefix.length > best.prefix.length) best = it;
    }
  }
  return best;
}

function hexByte(b: number): string {
  return '0x' + (b < 16 ? '0' : '') + b.toString(16);
}

/** Result of {@link decodeItems}. */
export interface ItemsDecoded {
  data: Record<string, unknown>;
  warnings: string[];
}

/** Reads one record of `item` at `i` into `data`; returns the offset after it. */
function readItem(
  bytes: number[],
  i: number,
  item: Item,
  data: Record<string, unknown>,
  what: string,
  warnings: string[],
): number {
  const name = `${what}: ${itemName(item)}`;
  let off = i + item.prefix.length;
  if (item.flag !== undefined) {
    data[item.flag] = 'yes';
    return off;
  }
  let target: Record<string, unknown> = data;
  if (item.into !== undefined) {
    target = {};
    if (item.list) {
      const arr = (data[item.into] as unknown[] | undefined) || [];
      data[item.into] = arr;
      // Check the whole record fits before appending, so no half object is left behind.
      if (off + payloadSize(item) > bytes.length) {
        fail(
          `${name}: need ${payloadSize(item)} bytes at offset ${off}, ` +
            `got ${bytes.length - off}`,
          off,
        );
      }
      arr.push(target);
    } else if (item.partOf && isObject(data[item.into])) {
      target = data[item.into] as Record<string, unknown>;
    } else {
      data[item.into] = target;
    }
  }
  for (let k = 0; k < item.fields.length; k++) {
    const f = item.fields[k]!;
    readField(bytes, off, f, target, name, warnings);
    off += fieldSize(f);
  }
  return off;
}

/**
 * Decodes a sequence of records. A record seen twice overwrites the first (as the vendor's
 * decoders do), except `list` items, which append. An unknown record whose size is known from
 * its type is skipped with a warning; otherwise decoding stops there with a warning naming the
 * offset and the bytes left. A known record cut short fails.
 *
 * @param what - message name for errors, such as `uplink`.
 * @param aliasFe - accept 0xFE for channel 0xFF (device answers to commands).
 * @throws CodecError on an empty payload or a truncated record.
 */
export function decodeItems(
  bytes: number[],
  items: Item[],
  what: string,
  aliasFe: boolean,
): ItemsDecoded {
  const data: Record<string, unknown> = {};
  const warnings: string[] = [];
  if (bytes.length === 0) fail(`${what}: empty payload, expected at least one 2-byte record`, 0);

  let i = 0;
  while (i < bytes.length) {
    if (i + 2 > bytes.length) {
      fail(`${what}: record header needs 2 bytes at offset ${i}, got 1`, i);
    }
    const item = findItem(bytes, i, items, aliasFe);
    if (item === undefined) {
      const channel = bytes[i]!;
      const type = bytes[i + 1]!;
      const size = channel < 0x80 ? TYPE_SIZES[type] : undefined;
      if (size !== undefined && i + 2 + size <= bytes.length) {
        warnings.push(
          `${what}: unknown record ${hexByte(channel)} ${hexByte(type)} at offset ${i}, ` +
            `skipped its ${size} data byte${size === 1 ? '' : 's'}`,
        );
        i += 2 + size;
        continue;
      }
      warnings.push(
        `${what}: unknown record ${hexByte(channel)} ${hexByte(type)} at offset ${i}; ` +
          `its length is unknown, so bytes ${i} to ${bytes.length - 1} were not decoded`,
      );
      break;
    }

    if (item.result === undefined) {
      i = readItem(bytes, i, item, data, what, warnings);
      continue;
    }
    const request: Record<string, unknown> = {};
    const end = readItem(bytes, i, item, request, what, warnings);
    const code = u8(bytes, end, `${what}: ${itemName(item)}.result`);
    if (code === 0) {
      const keys = Object.keys(request);
      for (let k = 0; k < keys.length; k++) {
        const prev = data[keys[k]!];
        const v = request[keys[k]!];
        data[keys[k]!] = prev instanceof Array && v instanceof Array ? prev.concat(v) : v;
      }
    } else {
      data.device_response_result = {
        channel_type: item.prefix[1],
        result: labelOf(item.result, code),
        request,
      };
    }
    i = end + 1;
  }
  return { data, warnings };
}

/** Keys an item reads from its source object (conditional ones excluded). */
function requiredKeys(item: Item): string[] {
  const keys: string[] = [];
  for (let i = 0; i < item.fields.length; i++) {
    const f = item.fields[i]!;
    if (f.kind === 'skip' || f.kind === 'maskedBits' || f.when !== undefined) continue;
    if (f.kind === 'packed') {
      const parts = f.parts || [];
      for (let p = 0; p < parts.length; p++) {
        const part = parts[p]!;
        const k = part.group === undefined ? part.key : part.group;
        if (part.fixed === undefined && keys.indexOf(k) < 0) keys.push(k);
      }
    } else keys.push(f.key as string);
  }
  return keys;
}

/** Keys an item may read but does not need: conditional fields and masked bits. */
function optionalKeys(item: Item): string[] {
  const keys: string[] = [];
  for (let i = 0; i < item.fields.length; i++) {
    const f = item.fields[i]!;
    if (f.when !== undefined) keys.push(f.key as string);
    if (f.kind === 'maskedBits') {
      const parts = f.parts || [];
      for (let p = 0; p < parts.length; p++) keys.push(parts[p]!.key);
    }
  }
  return keys;
}

function allKeys(item: Item): string[] {
  return requiredKeys(item).concat(optionalKeys(item));
}

/** What encoding needs of a table, worked out once: tables are module constants. */
interface TablePlan {
  items: Item[];
  /** Item indices, most required keys first (ties in table order): the order of choice. */
  order: number[];
  required: string[][];
  optional: string[][];
  all: string[][];
}

// A few tables per script; the bound only guards against callers building tables on the fly.
const MAX_PLANS = 32;
const plans: TablePlan[] = [];

function planOf(items: Item[]): TablePlan {
  for (let i = 0; i < plans.length; i++) if (plans[i]!.items === items) return plans[i]!;
  const order: number[] = [];
  const required: string[][] = [];
  const optional: string[][] = [];
  const all: string[][] = [];
  for (let i = 0; i < items.length; i++) {
    order.push(i);
    required.push(requiredKeys(items[i]!));
    optional.push(optionalKeys(items[i]!));
    all.push(allKeys(items[i]!));
  }
  order.sort((a, b) => {
    const d = required[b]!.length - required[a]!.length;
    return d !== 0 ? d : a - b;
  });
  const plan: TablePlan = { items, order, required, optional, all };
  if (plans.length >= MAX_PLANS) plans.shift();
  plans.push(plan);
  return plan;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Array);
}

/** True when `obj` has every required key of `item` and no key the item does not know. */
function fitsExactly(item: Item, obj: Record<string, unknown>): boolean {
  const req = requiredKeys(item);
  for (let i = 0; i < req.length; i++) if (!(req[i]! in obj)) return false;
  const all = allKeys(item);
  const keys = Object.keys(obj);
  for (let i = 0; i < keys.length; i++) if (all.indexOf(keys[i]!) < 0) return false;
  return true;
}

function emit(out: number[], item: Item, source: Record<string, unknown>, what: string): void {
  for (let i = 0; i < item.prefix.length; i++) out.push(item.prefix[i]!);
  const name = `${what}: ${itemName(item)}`;
  let from = source;
  if (item.result !== undefined) {
    // `source` is device_response_result: fields come from its request.
    const req = source.request;
    if (!isObject(req)) fail(`${name}: device_response_result.request: expected an object`);
    from = req as Record<string, unknown>;
    if (item.into !== undefined) {
      let inner = from[item.into];
      // A list reply carries one element.
      if (item.list && inner instanceof Array && inner.length === 1) inner = inner[0];
      if (!isObject(inner)) fail(`${name}: request.${item.into}: expected an object`);
      from = inner as Record<string, unknown>;
    }
  }
  for (let i = 0; i < item.fields.length; i++) writeField(out, item.fields[i]!, from, name);
  if (item.result !== undefined) {
    const code = codeOf(item.result, source.result, `${name}.result`);
    if (code === 0) fail(`${name}.result: a successful reply encodes as the command itself`);
    out.push(code);
  }
}

/**
 * Encodes `data` as records or commands of `items`, in table order. A record is chosen for a
 * top-level group of keys when all its keys are present; records with more keys are preferred
 * (so `temperature` with `temperature_abnormal` picks the alarm record). Every key of `data`
 * must be used.
 *
 * @throws CodecError naming the key when a value is missing, invalid or unknown.
 */
export function encodeItems(data: unknown, items: Item[], what: string): number[] {
  if (!isObject(data)) fail(`${what}: expected an object, got ${JSON.stringify(data)}`);
  const src = data as Record<string, unknown>;
  const used: Record<string, boolean> = {};
  const chosen: Array<{ item: Item; sources: Array<Record<string, unknown>> } | undefined> = [];

  // Choose, most specific first; emit afterwards in table order.
  const plan = planOf(items);
  const order = plan.order;
  const listDone: Record<string, boolean> = {};
  const lists: Array<Array<{ item: Item; source: Record<string, unknown> }> | undefined> = [];
  const partUsed: Record<string, boolean> = {};
  for (let o = 0; o < order.length; o++) {
    const idx = order[o]!;
    const item = items[idx]!;
    if (item.result !== undefined) {
      // Only a failed reply needs this item; a successful one encodes as the command.
      const r = src.device_response_result;
      if (!isObject(r) || used.device_response_result) continue;
      if (r.channel_type !== item.prefix[1]) continue;
      used.device_response_result = true;
      chosen[idx] = { item, sources: [r] };
      continue;
    }
    if (item.flag !== undefined) {
      const v = src[item.flag];
      if (v === undefined || used[item.flag]) continue;
      used[item.flag] = true;
      if (v === 'yes' || v === 1) chosen[idx] = { item, sources: [{}] };
      else if (v !== 'no' && v !== 0) {
        fail(`${what}: ${item.flag}: expected 'yes' or 'no', got ${JSON.stringify(v)}`);
      }
      continue;
    }
    if (item.into !== undefined) {
      const key = item.into;
      const v = src[key];
      if (v === undefined) continue;
      if (item.list) {
        if (listDone[key]) continue;
        listDone[key] = true;
        used[key] = true;
        if (!(v instanceof Array)) fail(`${what}: ${key}: expected an array`);
        const seq: Array<{ item: Item; source: Record<string, unknown> }> = [];
        // Each element goes to the first item of this list whose keys it fits.
        for (let e = 0; e < (v as unknown[]).length; e++) {
          const el = (v as unknown[])[e];
          let target: number | undefined;
          for (let t = 0; t < items.length && target === undefined; t++) {
            const cand = items[t]!;
            const fits =
              cand.into === key &&
              cand.list &&
              cand.result === undefined &&
              isObject(el) &&
              fitsExactly(cand, el);
            if (fits) target = t;
          }
          if (target === undefined) {
            fail(`${what}: ${key}[${e}]: fields do not match any record of this device`);
          }
          seq.push({ item: items[target!]!, source: el as Record<string, unknown> });
        }
        // The whole list goes out, in its own order, where its first item stands in the table.
        let first = idx;
        for (let t = 0; t < items.length; t++) {
          if (items[t]!.into === key && items[t]!.list) {
            first = t;
            break;
          }
        }
        lists[first] = seq;
        continue;
      }
      if (!isObject(v)) fail(`${what}: ${key}: expected an object, got ${JSON.stringify(v)}`);
      const obj = v as Record<string, unknown>;
      if (item.partOf) {
        const req = plan.required[idx]!;
        let all = req.length > 0;
        for (let k = 0; k < req.length && all; k++) all = req[k]! in obj;
        if (!all) continue;
        for (let k = 0; k < req.length; k++) partUsed[`${key}.${req[k]}`] = true;
        used[key] = true;
        chosen[idx] = { item, sources: [obj] };
        continue;
      }
      if (used[key]) continue;
      // Several commands may share a key (fetch_history with or without end_time): take the
      // first that fits, or let the last candidate report what is wrong.
      let later = false;
      for (let o2 = o + 1; o2 < order.length; o2++) {
        const c2 = items[order[o2]!]!;
        if (c2.into === key && !c2.list) later = true;
      }
      if (later && !fitsExactly(item, obj)) continue;
      const all = plan.all[idx]!;
      const ks = Object.keys(obj);
      for (let k = 0; k < ks.length; k++) {
        if (all.indexOf(ks[k]!) < 0) fail(`${what}: ${key}: unknown field '${ks[k]}'`);
      }
      used[key] = true;
      chosen[idx] = { item, sources: [obj] };
      continue;
    }
    const req = plan.required[idx]!;
    let ok = true;
    for (let k = 0; k < req.length && ok; k++) ok = req[k]! in src && !used[req[k]!];
    const opt = plan.optional[idx]!;
    const optPresent: string[] = [];
    for (let k = 0; k < opt.length; k++) {
      if (opt[k]! in src && !used[opt[k]!]) optPresent.push(opt[k]!);
    }
    if (!ok || req.length + optPresent.length === 0) continue;
    for (let k = 0; k < req.length; k++) used[req[k]!] = true;
    for (let k = 0; k < optPresent.length; k++) used[optPresent[k]!] = true;
    chosen[idx] = { item, sources: [src] };
  }

  const keys = Object.keys(src);
  for (let k = 0; k < keys.length; k++) {
    if (!used[keys[k]!]) fail(`${what}: unknown or unpaired field '${keys[k]}'`);
  }
  // Every key of a shared object must have been taken by one of its commands.
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (!it.partOf || !isObject(src[it.into as string])) continue;
    const obj = src[it.into as string] as Record<string, unknown>;
    const ks = Object.keys(obj);
    for (let k = 0; k < ks.length; k++) {
      if (!partUsed[`${it.into}.${ks[k]}`]) fail(`${what}: ${it.into}: unknown field '${ks[k]}'`);
    }
  }
  const out: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const l = lists[i];
    for (let e = 0; l !== undefined && e < l.length; e++) {
      emit(out, l[e]!.item, l[e]!.source, what);
    }
    const c = chosen[i];
    if (c === undefined) continue;
    for (let s = 0; s < c.sources.length; s++) emit(out, c.item, c.sources[s]!, what);
  }
  if (out.length === 0) fail(`${what}: nothing to encode`);
  return out;
}
