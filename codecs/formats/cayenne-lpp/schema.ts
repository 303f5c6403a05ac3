/**
 * JSON Schemas (draft-07) of decoded Cayenne LPP in each style, generated from the type table so
 * that they cannot drift from the decoder.
 */
import type { JsonSchema } from '../../framework/types.js';
import { LPP_TYPES, type LppType } from './types.js';

const DRAFT_07 = 'http://json-schema.org/draft-07/schema#';
const NUMBER: JsonSchema = { type: 'number' };
const CHANNEL: JsonSchema = { type: 'integer', minimum: 0, maximum: 255 };

function keyedValueSchema(type: LppType): JsonSchema {
  if (type.fields.length === 1) return NUMBER;
  const properties: Record<string, JsonSchema> = {};
  for (const f of type.fields) properties[f.key] = NUMBER;
  return {
    type: 'object',
    properties,
    required: type.fields.map((f) => f.key),
    additionalProperties: false,
  };
}

/** Neutral style: an array of `{ channel, <name>: number }`. */
export function neutralSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = { channel: CHANNEL };
  for (const t of LPP_TYPES) for (const f of t.fields) properties[f.neutralKey] = NUMBER;
  return {
    $schema: DRAFT_07,
    title: 'Cayenne LPP records (neutral style)',
    type: 'array',
    items: {
      type: 'object',
      properties,
      required: ['channel'],
      minProperties: 2,
      additionalProperties: false,
    },
  };
}

/** The Things Stack style: `<name>_<channel>` fields. */
export function ttsSchema(): JsonSchema {
  const patternProperties: Record<string, JsonSchema> = {};
  for (const t of LPP_TYPES) {
    patternProperties['^' + t.tts + '_([0-9]{1,3})$'] = keyedValueSchema(t);
  }
  return {
    $schema: DRAFT_07,
    title: 'Cayenne LPP (The Things Stack style)',
    type: 'object',
    patternProperties,
    additionalProperties: false,
  };
}

/** ChirpStack style: `<name>: { "<channel>": value }`. */
export function chirpstackSchema(): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const t of LPP_TYPES) {
    properties[t.chirpstack] = {
      type: 'object',
      patternProperties: { '^[0-9]{1,3}$': keyedValueSchema(t) },
      additionalProperties: false,
    };
  }
  return {
    $schema: DRAFT_07,
    title: 'Cayenne LPP (ChirpStack style)',
    type: 'object',
    properties,
    additionalProperties: false,
  };
}

/** Any of the three styles (what the encoders accept). */
export function anyStyleSchema(): JsonSchema {
  const strip = (s: JsonSchema): JsonSchema => {
    const copy: JsonSchema = {};
    for (const k of Object.keys(s)) if (k !== '$schema') copy[k] = s[k];
    return copy;
  };
  return {
    $schema: DRAFT_07,
    title: 'Cayenne LPP in any style',
    anyOf: [strip(neutralSchema()), strip(ttsSchema()), strip(chirpstackSchema())],
  };
}
