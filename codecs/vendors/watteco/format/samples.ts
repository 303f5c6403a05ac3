/**
 * The shape of Watteco decoded data: a `samples` list of `{variable, value, date}` (with
 * `unit` where the variable has one), then each variable's latest value at the top level, and
 * `<variable>_unit` beside it (Watteco Codec-API-LoRaWAN output format).
 */

/** One decoded sample. */
export interface Sample {
  variable: string;
  value: unknown;
  date: string;
  unit?: string;
}

/**
 * Builds the data object from samples: `head` fields first (such as `batch_counter`), then
 * `samples`, then the latest value of each variable and its unit. Existing keys win.
 */
export function sampleData(samples: Sample[], units: Record<string, string>,
  head: Record<string, unknown> = {}): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const k in head) data[k] = head[k];
  for (const s of samples) {
    const unit = units[s.variable];
    if (unit !== undefined) s.unit = unit;
  }
  data['samples'] = samples;

  // The latest sample of each variable wins; on equal dates the first one stays.
  const latest: Record<string, { value: unknown; time: number }> = {};
  const order: string[] = [];
  for (const s of samples) {
    const time = Date.parse(s.date);
    const seen = latest[s.variable];
    if (seen === undefined) order.push(s.variable);
    if (seen === undefined || time > seen.time) latest[s.variable] = { value: s.value, time };
  }
  for (const v of order) {
    if (!(v in data)) data[v] = latest[v]!.value;
  }
  for (const v of order) {
    const unit = units[v];
    if (unit !== undefined && !((v + '_unit') in data)) data[v + '_unit'] = unit;
  }
  return data;
}
