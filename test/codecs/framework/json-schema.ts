/**
 * A small JSON Schema draft-07 validator for tests: enough keywords for codec output schemas.
 * A keyword it does not know makes it throw, so a schema it cannot check never passes silently.
 */
type Schema = Record<string, unknown> | boolean;

const ANNOTATIONS = new Set([
  '$schema', '$id', '$comment', 'title', 'description', 'default', 'examples', 'format',
  'definitions', 'readOnly', 'writeOnly', 'unit',
]);

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function typeMatches(v: unknown, t: string): boolean {
  const actual = typeOf(v);
  return actual === t || (t === 'number' && actual === 'integer');
}

/**
 * Errors of `value` against `schema` (empty when valid), each with its JSON path.
 *
 * @throws Error for a keyword this validator does not implement.
 */
export function validate(
  schema: Schema,
  value: unknown,
  root: Schema = schema,
  path = '$',
): string[] {
  if (schema === true) return [];
  if (schema === false) return [`${path}: no value allowed`];
  const errors: string[] = [];
  const s = schema;
  for (const key of Object.keys(s)) {
    if (ANNOTATIONS.has(key)) continue;
    const kw = s[key];
    switch (key) {
      case '$ref': {
        const ref = kw as string;
        if (!ref.startsWith('#/')) throw new Error(`unsupported $ref ${ref}`);
        let target: unknown = root;
        for (const part of ref.slice(2).split('/')) {
          target = (target as Record<string, unknown>)[part];
        }
        if (target === undefined) throw new Error(`unresolved $ref ${ref}`);
        errors.push(...validate(target as Schema, value, root, path));
        break;
      }
      case 'type': {
        const types = Array.isArray(kw) ? (kw as string[]) : [kw as string];
        if (!types.some((t) => typeMatches(value, t))) {
          errors.push(`${path}: expected ${types.join('|')}, got ${typeOf(value)}`);
        }
        break;
      }
      case 'enum':
        if (!(kw as unknown[]).some((e) => JSON.stringify(e) === JSON.stringify(value))) {
          errors.push(`${path}: ${JSON.stringify(value)} not in enum`);
        }
        break;
      case 'const':
        if (JSON.stringify(kw) !== JSON.stringify(value)) errors.push(`${path}: not the const`);
        break;
      case 'minimum':
        if (typeof value === 'number' && value < (kw as number)) errors.push(`${path}: < ${kw}`);
        break;
      case 'maximum':
        if (typeof value === 'number' && value > (kw as number)) errors.push(`${path}: > ${kw}`);
        break;
      case 'exclusiveMinimum':
        if (typeof value === 'number' && value <= (kw as number)) errors.push(`${path}: <= ${kw}`);
        break;
      case 'exclusiveMaximum':
        if (typeof value === 'number' && value >= (kw as number)) errors.push(`${path}: >= ${kw}`);
        break;
      case 'multipleOf':
        if (typeof value === 'number' &&
          Math.abs(value / (kw as number) - Math.round(value / (kw as number))) > 1e-9) {
          errors.push(`${path}: not a multiple of ${kw}`);
        }
        break;
      case 'minLength':
      case 'maxLength':
        if (typeof value === 'string') {
          const n = [...value].length;
          if (key === 'minLength' ? n < (kw as number) : n > (kw as number)) {
            errors.push(`${path}: length ${n} breaks ${key} ${kw}`);
          }
        }
        break;
      case 'pattern':
        if (typeof value === 'string' && !new RegExp(kw as string, 'u').test(value)) {
          errors.push(`${path}: does not match ${kw}`);
        }
        break;
      case 'minItems':
      case 'maxItems':
        if (Array.isArray(value)) {
          if (key === 'minItems' ? value.length < (kw as number) : value.length > (kw as number)) {
            errors.push(`${path}: ${value.length} items breaks ${key} ${kw}`);
          }
        }
        break;
      case 'items':
        if (Array.isArray(value)) {
          value.forEach((item, i) => {
            const sub = Array.isArray(kw) ? ((kw as Schema[])[i] ?? true) : (kw as Schema);
            errors.push(...validate(sub, item, root, `${path}[${i}]`));
          });
        }
        break;
      case 'additionalItems':
        if (!Array.isArray(s['items'])) break;
        if (Array.isArray(value)) {
          for (let i = (s['items'] as unknown[]).length; i < value.length; i++) {
            errors.push(...validate(kw as Schema, value[i], root, `${path}[${i}]`));
          }
        }
        break;
      case 'minProperties':
      case 'maxProperties':
        if (typeOf(value) === 'object') {
          const n = Object.keys(value as object).length;
          if (key === 'minProperties' ? n < (kw as number) : n > (kw as number)) {
            errors.push(`${path}: ${n} properties breaks ${key} ${kw}`);
          }
        }
        break;
      case 'required':
        if (typeOf(value) === 'object') {
          for (const r of kw as string[]) {
            if (!(r in (value as object))) errors.push(`${path}: missing required ${r}`);
          }
        }
        break;
      case 'properties':
      case 'patternProperties':
      case 'additionalProperties':
        if (typeOf(value) === 'object' && key === 'properties') {
          errors.push(...checkObject(s, value as Record<string, unknown>, root, path));
        } else if (typeOf(value) === 'object' && !('properties' in s) &&
          key === 'patternProperties') {
          errors.push(...checkObject(s, value as Record<string, unknown>, root, path));
        } else if (typeOf(value) === 'object' && !('properties' in s) &&
          !('patternProperties' in s)) {
          errors.push(...checkObject(s, value as Record<string, unknown>, root, path));
        }
        break;
      case 'anyOf':
        if (!(kw as Schema[]).some((sub) => validate(sub, value, root, path).length === 0)) {
          errors.push(`${path}: matches none of anyOf`);
        }
        break;
      case 'oneOf': {
        const n = (kw as Schema[])
          .filter((sub) => validate(sub, value, root, path).length === 0).length;
        if (n !== 1) errors.push(`${path}: matches ${n} of oneOf, expected 1`);
        break;
      }
      case 'allOf':
        for (const sub of kw as Schema[]) errors.push(...validate(sub, value, root, path));
        break;
      case 'not':
        if (validate(kw as Schema, value, root, path).length === 0) {
          errors.push(`${path}: matches not`);
        }
        break;
      case 'if':
      case 'then':
      case 'else':
        if (key === 'if') {
          const holds = validate(kw as Schema, value, root, path).length === 0;
          const branch = holds ? s['then'] : s['else'];
          if (branch !== undefined) errors.push(...validate(branch as Schema, value, root, path));
        }
        break;
      default:
        throw new Error(`json-schema test validator: unsupported keyword '${key}' at ${path}`);
    }
  }
  return errors;
}

/** properties, patternProperties and additionalProperties together (draft-07 §6.5.4-6.5.6). */
function checkObject(
  s: Record<string, unknown>,
  value: Record<string, unknown>,
  root: Schema,
  path: string,
): string[] {
  const errors: string[] = [];
  const props = (s['properties'] ?? {}) as Record<string, Schema>;
  const patterns = (s['patternProperties'] ?? {}) as Record<string, Schema>;
  const additional = (s['additionalProperties'] ?? true) as Schema;
  for (const [k, v] of Object.entries(value)) {
    let matched = false;
    if (k in props) {
      matched = true;
      errors.push(...validate(props[k]!, v, root, `${path}.${k}`));
    }
    for (const [p, sub] of Object.entries(patterns)) {
      if (new RegExp(p, 'u').test(k)) {
        matched = true;
        errors.push(...validate(sub, v, root, `${path}.${k}`));
      }
    }
    if (!matched) errors.push(...validate(additional, v, root, `${path}.${k}`));
  }
  return errors;
}
