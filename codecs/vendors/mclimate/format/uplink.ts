/**
 * MClimate uplinks: either a keep-alive alone, or answers to "get" commands followed by the
 * keep-alive (docs.mclimate.eu, "Communication concepts"; the keep-alive is left out when the
 * answers fill the frame). Answers are read in order; the vendor's decoders let a keep-alive
 * field overwrite an answer of the same name, and so does this one.
 */
import { fail, isCodecError } from '../../../framework/codec-error.js';
import type { Bytes, Decoded, JsonSchema } from '../../../framework/types.js';
import { byCode, decodeRecord, encodeRecord, hex2, type CommandSpec } from './commands.js';
import {
  decodeKeepalive,
  encodeKeepalive,
  keepaliveSchema,
  type KeepaliveSpec,
} from './keepalive.js';

/** The uplink side of one MClimate device. */
export interface MclimateUplinkTable {
  keepalives: KeepaliveSpec[];
  responses: CommandSpec[];
  /** Fields computed from others after decoding (not carried in the frame as such). */
  derive?(data: Record<string, unknown>): void;
  /** Schemas of the fields `derive` adds. */
  derivedSchema?: Record<string, JsonSchema>;
  /** Which keep-alive layout `encodeUplink` should use for `data`. */
  chooseKeepalive?(data: Record<string, unknown>): number;
}

function keepaliveFor(t: MclimateUplinkTable, reason: number): KeepaliveSpec | undefined {
  for (let i = 0; i < t.keepalives.length; i++) {
    if (t.keepalives[i]!.reason === reason) return t.keepalives[i];
  }
  return undefined;
}

function keepaliveNames(t: MclimateUplinkTable): Record<string, true> {
  const names: Record<string, true> = {};
  for (let i = 0; i < t.keepalives.length; i++) {
    const f = t.keepalives[i]!.fields;
    for (let j = 0; j < f.length; j++) names[f[j]!.name] = true;
  }
  return names;
}

/**
 * Decodes an uplink. An unknown command code stops the reading of answers (its length is
 * unknown) with a warning; the keep-alive at the end of the frame is still decoded.
 *
 * @throws CodecError for an empty or truncated frame.
 */
export function decodeMclimateUplink(t: MclimateUplinkTable, bytes: Bytes): Decoded {
  if (bytes.length === 0) fail('uplink: empty payload');
  const data: Record<string, unknown> = {};
  const warnings: string[] = [];
  let o = 0;
  let keepalive: KeepaliveSpec | undefined;
  let keepaliveAt = -1;
  while (o < bytes.length) {
    const code = bytes[o]!;
    const ka = keepaliveFor(t, code);
    if (ka && (o === 0 || bytes.length - o === ka.length)) {
      keepalive = ka;
      keepaliveAt = o;
      o += ka.length;
      if (o < bytes.length) {
        warnings.push(`${bytes.length - o} bytes after the keep-alive at offset ${o} ignored`);
      }
      break;
    }
    const spec = byCode(t.responses, code);
    if (!spec) {
      warnings.push(`unknown command ${hex2(code)} at offset ${o}: rest of the answers skipped`);
      for (let k = 0; k < t.keepalives.length; k++) {
        const cand = t.keepalives[k]!;
        const at = bytes.length - cand.length;
        if (at > o && bytes[at] === cand.reason) {
          keepalive = cand;
          keepaliveAt = at;
        }
      }
      break;
    }
    o = decodeRecord(spec, bytes, o, data);
  }
  if (keepalive) decodeKeepalive(keepalive, bytes, keepaliveAt, data);
  if (keepalive && t.derive) t.derive(data);
  return warnings.length ? { data, warnings } : { data };
}

/**
 * Encodes what the device would send for `data`: an answer record for each answer field
 * (in table order), then the keep-alive when `data` has keep-alive fields. Fields the
 * keep-alive carries are taken from it; a derived field is sent as an answer only when it
 * differs from what would be derived.
 *
 * @throws CodecError for a field the device cannot send.
 */
export function encodeMclimateUplink(t: MclimateUplinkTable, data: unknown): Bytes {
  if (typeof data !== 'object' || data === null) fail('uplink: expected an object');
  const obj = data as Record<string, unknown>;
  const kaNames = keepaliveNames(t);
  const hasKeepalive = hasFullKeepalive(t, obj);
  let derived: Record<string, unknown> = {};
  if (hasKeepalive && t.derive) {
    for (const k in obj) if (kaNames[k]) derived[k] = obj[k];
    t.derive(derived);
  } else derived = {};
  // Without a keep-alive, fields named like keep-alive fields come from answers.
  const fromKeepalive = hasKeepalive ? kaNames : {};
  const out: Bytes = [];
  const done: Record<string, true> = {};
  // Flat answers first: they carry several fields at once.
  for (let i = 0; i < t.responses.length; i++) {
    const spec = t.responses[i]!;
    if (!spec.flat) continue;
    // With a keep-alive, a flat answer whose fields it repeats is not sent.
    const keys = spec.flatKeys ?? [];
    let shadowed = false;
    for (let k = 0; k < keys.length; k++) if (fromKeepalive[keys[k]!]) shadowed = true;
    if (!shadowed) encodeFlat(spec, obj, done, out);
  }
  for (let i = 0; i < t.responses.length; i++) {
    const spec = t.responses[i]!;
    if (spec.flat) continue;
    if (done[spec.name] || !(spec.name in obj) || fromKeepalive[spec.name]) continue;
    done[spec.name] = true;
    if (spec.name in derived && derived[spec.name] === obj[spec.name]) continue;
    encodeAnswer(t.responses, i, obj[spec.name], out);
  }
  for (const k in obj) {
    if (!done[k] && !fromKeepalive[k] && !(k in derived)) fail(`uplink: unknown field '${k}'`);
  }
  if (hasKeepalive) {
    const reason = t.chooseKeepalive ? t.chooseKeepalive(obj) : t.keepalives[0]!.reason;
    const spec = keepaliveFor(t, reason)!;
    const ka = encodeKeepalive(spec, obj);
    for (let i = 0; i < ka.length; i++) out.push(ka[i]!);
  }
  if (out.length === 0) fail('uplink: nothing to encode');
  return out;
}

/** True when `data` has every field of one of the keep-alive layouts. */
function hasFullKeepalive(t: MclimateUplinkTable, data: Record<string, unknown>): boolean {
  for (let i = 0; i < t.keepalives.length; i++) {
    const f = t.keepalives[i]!.fields;
    let all = true;
    for (let j = 0; j < f.length && all; j++) all = f[j]!.name in data;
    if (all) return true;
  }
  return false;
}

/**
 * Appends a flat answer (fields merged into the message) when all its fields are present and
 * not yet sent; a field it only repeats (`flatEcho`) is marked sent when it agrees.
 */
function encodeFlat(
  spec: CommandSpec,
  obj: Record<string, unknown>,
  done: Record<string, true>,
  out: Bytes,
): void {
  const keys = spec.flatKeys ?? [];
  for (let i = 0; i < keys.length; i++) if (!(keys[i]! in obj) || done[keys[i]!]) return;
  encodeRecord(spec, obj, out);
  for (let i = 0; i < keys.length; i++) done[keys[i]!] = true;
  const echo = spec.flatEcho;
  if (echo && echo[0] in obj && obj[echo[0]] === obj[echo[1]]) done[echo[0]] = true;
}

/**
 * Appends the answer for `value`, using the first command of that name whose layout can
 * carry it (a device may answer the same setting in two layouts, such as a target in whole
 * degrees and in tenths).
 */
function encodeAnswer(table: CommandSpec[], from: number, value: unknown, out: Bytes): void {
  const name = table[from]!.name;
  let firstError: unknown;
  for (let i = from; i < table.length; i++) {
    if (table[i]!.name !== name) continue;
    const tmp: Bytes = [];
    try {
      encodeRecord(table[i]!, value, tmp);
    } catch (e) {
      if (!isCodecError(e)) throw e;
      if (firstError === undefined) firstError = e;
      continue;
    }
    for (let k = 0; k < tmp.length; k++) out.push(tmp[k]!);
    return;
  }
  throw firstError;
}

/** JSON Schema (draft-07) of the decoded uplink `data`. */
export function uplinkSchemaOf(t: MclimateUplinkTable, extra: Record<string, JsonSchema> = {}) {
  const properties: Record<string, JsonSchema> = {};
  for (let i = 0; i < t.responses.length; i++) {
    const s = t.responses[i]!;
    if (s.flat) {
      const inner = (s.value.schema.properties ?? {}) as Record<string, JsonSchema>;
      for (const k in inner) if (!(k in properties)) properties[k] = inner[k]!;
      continue;
    }
    const schema: JsonSchema = { description: s.description };
    for (const k in s.value.schema) schema[k] = s.value.schema[k];
    const before = properties[s.name];
    // A setting answered in two layouts (whole degrees and tenths, say) accepts either.
    if (!before) properties[s.name] = schema;
    else if (before.anyOf instanceof Array) (before.anyOf as JsonSchema[]).push(schema);
    else properties[s.name] = { anyOf: [before, schema] };
  }
  for (let i = 0; i < t.keepalives.length; i++) {
    const p = keepaliveSchema(t.keepalives[i]!);
    for (const k in p) properties[k] = p[k]!;
  }
  for (const k in extra) properties[k] = extra[k]!;
  if (t.derivedSchema) for (const k in t.derivedSchema) properties[k] = t.derivedSchema[k]!;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
