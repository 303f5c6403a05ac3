/**
 * Small helpers for a device's `normalize`: copy a decoded number only when the device sent it,
 * never inventing a value.
 */

/** A copy of `base` with the entries of `extra` added (ES5-safe; no Object.assign). */
export function withEntries<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = {};
  const a = Object.keys(base);
  for (let i = 0; i < a.length; i++) out[a[i]!] = (base as Record<string, unknown>)[a[i]!];
  const b = Object.keys(extra);
  for (let i = 0; i < b.length; i++) out[b[i]!] = extra[b[i]!];
  return out as T;
}

/** `data[key]` when it is a finite number. */
export function numberAt(data: Record<string, unknown>, key: string): number | undefined {
  const v = data[key];
  return typeof v === 'number' && isFinite(v) ? v : undefined;
}

/** Copies the defined entries of `fields` onto `target` and returns it. */
export function withDefined<T extends object>(target: T, fields: Record<string, unknown>): T {
  const keys = Object.keys(fields);
  for (let i = 0; i < keys.length; i++) {
    const v = fields[keys[i]!];
    if (v !== undefined) (target as Record<string, unknown>)[keys[i]!] = v;
  }
  return target;
}
