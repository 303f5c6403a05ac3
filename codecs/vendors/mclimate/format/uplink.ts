/**
 * MClimate uplinks: either a keep-alive alone, or answers to "get" commands followed by the
 * keep-alive (docs.mclimate.eu, "Communication concepts"; the keep-alive is left out when the
 * answers fill the frame). Answers are read in order; the vendor's decoders let a keep-alive
 * field overwrite an answer of the same name, and so does this one.
 */
import { fail } from '../../../framework/codec-error.js';
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
  const hasKeepalive = Object.keys(obj).some((k) => kaNames[k] === true);
  let derived: Record<string, unknown> = {};
  if (hasKeepalive && t.derive) {
    for (const k in obj) if (kaNames[k]) derived[k] = obj[k];
    t.derive(derived);
  } else derived = {};
  const out: Bytes = [];
  const done: Record<string, true> = {};
  for (let i = 0; i < t.responses.length; i++) {
    const spec = t.responses[i]!;
    if (done[spec.name] || !(spec.name in obj) || kaNames[spec.name]) continue;
    done[spec.name] = true;
    if (spec.name in derived && derived[spec.name] === obj[spec.name]) continue;
    encodeRecord(spec, obj[spec.name], out);
  }
  for (const k in obj) {
    if (!done[k] && !kaNames[k] && !(k in derived)) fail(`uplink: unknown field '${k}'`);
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

/** JSON Schema (draft-07) of the decoded uplink `data`. */
export function uplinkSchemaOf(t: MclimateUplinkTable, extra: Record<string, JsonSchema> = {}) {
  const properties: Record<string, JsonSchema> = {};
  for (let i = 0; i < t.responses.length; i++) {
    const s = t.responses[i]!;
    if (!(s.name in properties)) {
      const schema: JsonSchema = { description: s.description };
      for (const k in s.value.schema) schema[k] = s.value.schema[k];
      properties[s.name] = schema;
    }
  }
  for (let i = 0; i < t.keepalives.length; i++) {
    const p = keepaliveSchema(t.keepalives[i]!);
    for (const k in p) properties[k] = p[k]!;
  }
  for (const k in extra) properties[k] = extra[k]!;
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}
