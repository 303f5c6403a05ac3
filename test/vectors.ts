/**
 * Loads the shared known-answer files from `../shared/vectors/` (beside the project root), where
 * the LoRaWAN spec, peer and vendor vectors live with their sources. They are read, not copied.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Project root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** The shared vectors folder. */
export const VECTORS_DIR = resolve(ROOT, '..', 'shared', 'vectors');

/** Parses one shared vector file, such as `mac.json`. */
export function loadVectors<T = unknown>(file: 'mac.json' | 'codecs.json' | 'radio.json'): T {
  return JSON.parse(readFileSync(resolve(VECTORS_DIR, file), 'utf8')) as T;
}

/** One entry of `mac.json`. */
export interface MacVector {
  id: string;
  source: string;
  kind: string;
  inputs: Record<string, unknown>;
  expected: Record<string, unknown>;
  notes?: string;
}

/** One entry of `codecs.json`. */
export interface CodecVector {
  id: string;
  device: string;
  category: string;
  direction: string;
  operation: 'decodeUplink' | 'encodeDownlink' | 'decodeDownlink';
  fPort: number | null;
  bytesHex: string;
  expected: unknown;
  expectedErrors?: string[];
  expectedWarnings?: string[];
  expectedNormalized?: unknown;
  recvTime?: string;
  inputTime?: string;
  inputFPort?: number;
  note?: string;
  source: string;
}

/** The codec id of a codecs.json entry: its `device` up to the first space. */
export function codecIdOf(v: CodecVector): string {
  return v.device.split(' ')[0]!;
}
