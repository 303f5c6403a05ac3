/**
 * A small JSON Schema draft-07 checker for the keywords the vendor codecs' schemas use
 * (type, properties, required, additionalProperties, items, enum, const, oneOf, anyOf,
 * pattern,
 * minimum, maximum), so tests can check decoded data against `uplinkSchema`.
 */
type Schema = Record<string, unknown>;

function typeOk(t: string, v: unknown): boolean {
  if (t === 'integer') return typeof v === 'number' && Math.floor(v) === v;
  if (t === 'number') return typeof v === 'number';
  if (t === 'array') return Array.isArray(v);
  if (t === 'object') return typeof v === 'object' && v !== null && !Array.isArray(v);
  if (t === 'null') return v === null;
  return typeof v === t;
}

/** Problems of `value` against `schema`, as `path: reason` lines; empty when it conforms. */
export function schemaErrors(schema: Schema, value: unknown, path = '$'): string[] {
  const out: string[] = [];
  if (schema.type !== undefined) {
    const types = Array.isArray(schema.type) ? (schema.type as string[]) : [schema.type as string];
    if (!types.some((t) => typeOk(t, value))) {
      return [`${path}: expected ${types.join('|')}, got ${JSON.stringify(value)}`];
    }
  }
  if (schema.const !== undefined && schema.const !== value) out.push(`${path}: not the const`);
  if (Array.isArray(schema.enum) && !schema.enum.includes(value)) out.push(`${path}: not in enum`);
  if (typeof schema.pattern === 'string' && typeof value === 'string' &&
    !new RegExp(schema.pattern).test(value)) out.push(`${path}: does not match ${schema.pattern}`);
  if (typeof schema.minimum === 'number' && typeof value === 'number' && value < schema.minimum) {
    out.push(`${path}: below minimum`);
  }
  if (typeof schema.maximum === 'number' && typeof value === 'number' && value > schema.maximum) {
    out.push(`${path}: above maximum`);
  }
  if (Array.isArray(schema.oneOf)) {
    const ok = (schema.oneOf as Schema[]).filter((s) => schemaErrors(s, value, path).length === 0);
    if (ok.length !== 1) out.push(`${path}: matches ${ok.length} of oneOf`);
  }
  if (Array.isArray(schema.anyOf)) {
    const ok = (schema.anyOf as Schema[]).some((s) => schemaErrors(s, value, path).length === 0);
    if (!ok) out.push(`${path}: matches none of anyOf`);
  }
  if (typeOk('object', value)) {
    const obj = value as Record<string, unknown>;
    const props = (schema.properties ?? {}) as Record<string, Schema>;
    for (const r of (schema.required ?? []) as string[]) {
      if (!(r in obj)) out.push(`${path}.${r}: required`);
    }
    for (const k of Object.keys(obj)) {
      if (props[k]) out.push(...schemaErrors(props[k]!, obj[k], `${path}.${k}`));
      else if (schema.additionalProperties === false) out.push(`${path}.${k}: not allowed`);
      else if (typeof schema.additionalProperties === 'object') {
        out.push(...schemaErrors(schema.additionalProperties as Schema, obj[k], `${path}.${k}`));
      }
    }
  }
  if (Array.isArray(value) && schema.items && typeof schema.items === 'object') {
    value.forEach((x, i) => out.push(...schemaErrors(schema.items as Schema, x, `${path}[${i}]`)));
  }
  return out;
}
