/**
 * Small helpers for a device's `normalize`: copy a decoded number only when the device sent it,
 * never inventing a value.
 */

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
