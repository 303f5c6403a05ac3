/**
 * The refusal of a codec too large for a network-server script, checked against a fabricated
 * index of built bodies (no registered codec is over the limit today, so the generic script
 * tests no longer reach this path).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { UsageError } from '../../cli/args.js';
import { isOversizeCodec, readCodecBody } from '../../cli/commands/codec.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'loire-too-large-'));
  // Entries in the shape scripts/build-codec-scripts.mjs writes.
  const scripts = [
    { id: 'test/huge', file: 'test__huge.js', bytes: 52000, minified: true, oversize: true,
      bundledAlone: true },
    { id: 'test/small', file: 'test__small.js', bytes: 20, minified: false, oversize: false,
      bundledAlone: true },
  ];
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ scripts }));
  writeFileSync(join(dir, 'test__huge.js'), 'var __loireCodec;');
  writeFileSync(join(dir, 'test__small.js'), 'var __loireCodec;');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function thrown(f: () => unknown): unknown {
  try {
    f();
  } catch (e) {
    return e;
  }
  return undefined;
}

describe('a body recorded over the script limit', () => {
  test('is refused with TOO_LARGE, naming the codec, its size and the limit', () => {
    const e = thrown(() => readCodecBody('test/huge', dir));
    expect(e).toBeInstanceOf(UsageError);
    expect((e as UsageError).code).toBe('TOO_LARGE');
    expect((e as UsageError).message).toBe('test/huge: the codec is 52000 bytes even ' +
      'minified, over the 40960-byte limit of network servers; use the library or the CLI');
    expect(isOversizeCodec('test/huge', dir)).toBe(true);
  });

  test('a body that fits is read, and an unknown id is NOT_BUILT', () => {
    expect(readCodecBody('test/small', dir)).toBe('var __loireCodec;');
    expect(isOversizeCodec('test/small', dir)).toBe(false);
    expect((thrown(() => readCodecBody('test/none', dir)) as UsageError).code).toBe('NOT_BUILT');
  });
});
