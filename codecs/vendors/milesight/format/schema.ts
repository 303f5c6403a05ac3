/**
 * JSON Schema (draft-07) of what a table of Milesight items decodes to, derived from the table
 * itself so that the schema and the decoder cannot disagree.
 */
import type { JsonSchema } from '../../../framework/types.js';
import type { Field } from './field.js';
import type { Item } from './item.js';

function enumOf(map: Record<number, string>): string[] {
  const out: string[] = [];
  const keys = Object.keys(map);
  for (let i = 0; i < keys.length; i++) out.push(map[Number(keys[i])]!);
  // The vendor shows undocumented codes as 'unknown'.
  out.push('unknown');
  return out;
}

function fieldSchemas(f: Field, props: Record<string, JsonSchema>): void {
  if (f.kind === 'skip') return;
  if (f.kind === 'packed' || f.kind === 'maskedBits') {
    const parts = f.parts || [];
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i]!;
      if (p.fixed !== undefined) continue;
      let into = props;
      if (p.group !== undefined) {
        const g = (props[p.group] || { type: 'object', properties: {} }) as {
          properties: Record<string, JsonSchema>;
        };
        props[p.group] = g as JsonSchema;
        into = g.properties;
      }
      into[p.key] = p.map
        ? { type: 'string', enum: enumOf(p.map) }
        : { type: 'integer', minimum: 0, maximum: Math.pow(2, p.width) - 1 };
    }
    return;
  }
  const key = f.key as string;
  if (f.map !== undefined) props[key] = { type: 'string', enum: enumOf(f.map) };
  else if (f.bool) props[key] = { type: 'boolean' };
  else if (f.kind === 'fixed') props[key] = { type: 'string', enum: [f.value] };
  else if (f.kind === 'hex' || f.kind === 'hexLE') {
    props[key] = { type: 'string', pattern: `^[0-9a-f]{${2 * f.size!}}$` };
  }
  else if (f.kind === 'ascii') props[key] = { type: 'string', maxLength: f.size };
  else if (/Version$/.test(f.kind)) props[key] = { type: 'string', pattern: '^v\\d+\\.\\d+$' };
  else if (f.kind === 'f32' || f.scale !== undefined) props[key] = { type: 'number' };
  else props[key] = { type: 'integer' };
}

/** Schema of the object decoded from (or encoded into) `items`. */
export function schemaOf(items: Item[], title: string): JsonSchema {
  const props: Record<string, JsonSchema> = {};
  for (let i = 0; i < items.length; i++) {
    const it = items[i]!;
    if (it.result !== undefined) {
      props.device_response_result = {
        type: 'object',
        properties: {
          channel_type: { type: 'integer' },
          result: { type: 'string' },
          request: { type: 'object' },
        },
      };
      // A successful reply decodes like the command, whose schema follows from its item.
    }
    if (it.flag !== undefined) {
      props[it.flag] = { type: 'string', enum: ['yes'] };
      continue;
    }
    if (it.into !== undefined) {
      const inner: Record<string, JsonSchema> = {};
      for (let f = 0; f < it.fields.length; f++) fieldSchemas(it.fields[f]!, inner);
      const obj: JsonSchema = { type: 'object', properties: inner, additionalProperties: false };
      if (it.list) {
        const prev = props[it.into] as { items?: { anyOf?: JsonSchema[] } } | undefined;
        const anyOf = prev && prev.items && prev.items.anyOf ? prev.items.anyOf : [];
        anyOf.push(obj);
        props[it.into] = { type: 'array', items: { anyOf } };
      } else props[it.into] = obj;
      continue;
    }
    for (let f = 0; f < it.fields.length; f++) fieldSchemas(it.fields[f]!, props);
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    properties: props,
    additionalProperties: false,
  };
}
