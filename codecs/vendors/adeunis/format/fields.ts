/**
 * Small readers and writers shared by Adeunis frame descriptions: `{unit, value}` pairs,
 * product modes, optional trailing timestamps.
 */
import { fail } from '../../../framework/codec-error.js';
import { need, readUintBE, writeUintBE } from '../../../framework/bytes.js';
import { timestampSeconds, timestampText } from './timestamp.js';
import type { AdeunisStatus } from './status-byte.js';

/** Product modes of the configuration frames. */
export const PRODUCT_MODES = ['PARK', 'PRODUCTION', 'TEST', 'DEAD'];

/** The text of a product mode; the vendor shows '' for unknown ones. */
export function productModeText(v: number): string {
  return PRODUCT_MODES[v] === undefined ? '' : PRODUCT_MODES[v]!;
}

/** The byte of a product mode text. */
export function productModeByte(text: unknown, what: string): number {
  const i = PRODUCT_MODES.indexOf(String(text));
  if (i < 0) fail(`${what}: productMode must be one of ${PRODUCT_MODES.join(', ')}`);
  return i;
}

/** The `value` of a `{unit, value}` field, checked to be a number. */
export function valueOf(field: unknown, name: string, what: string): number {
  const v = typeof field === 'object' && field !== null
    ? (field as { value?: unknown }).value : undefined;
  if (typeof v !== 'number') fail(`${what}: ${name}.value must be a number`);
  return v;
}

/** Checks the frame length against what the frame type allows. */
export function needLength(bytes: number[], lengths: number[], what: string): void {
  if (lengths.indexOf(bytes.length) < 0) {
    fail(`${what}: expected ${lengths.join(' or ')} bytes, got ${bytes.length}`,
      Math.min(bytes.length, lengths[0]!));
  }
}

/** Reads the trailing timestamp when the status says there is one. */
export function readTimestamp(bytes: number[], status: AdeunisStatus, offset: number,
  out: Record<string, unknown>, what: string): void {
  if (status['timestamp'] !== true) return;
  need(bytes, offset, 4, `${what} timestamp`);
  out['timestamp'] = timestampText(readUintBE(bytes, offset, 4, `${what} timestamp`));
}

/** Appends the timestamp when the status says there is one. */
export function writeTimestamp(out: number[], status: AdeunisStatus,
  data: Record<string, unknown>, what: string): void {
  if (status['timestamp'] !== true) return;
  writeUintBE(out, timestampSeconds(data['timestamp'], what), 4, `${what} timestamp`);
}

/** Byte length of the timestamp the status announces. */
export function timestampBytes(status: AdeunisStatus): number {
  return status['timestamp'] === true ? 4 : 0;
}
