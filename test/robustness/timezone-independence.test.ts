/**
 * Codecs that output dates must not depend on the machine's time zone: the built CLI is run in
 * child processes under TZ=UTC and TZ=Pacific/Auckland (UTC+12/+13, the far side of the date
 * line) and must print the same bytes. Inputs are the shared vectors whose output holds a date
 * or that carry a recvTime (read from ../shared/vectors/codecs.json, not copied).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { getCodec } from '../../codecs/index.js';
import { codecIdOf, loadVectors, ROOT, type CodecVector } from '../vectors.js';

const CLI = join(ROOT, 'dist', 'cli', 'main.js');

const dated = loadVectors<CodecVector[]>('codecs.json').filter(
  (v) =>
    v.operation === 'decodeUplink' &&
    v.fPort !== null &&
    getCodec(codecIdOf(v)) !== undefined &&
    (v.recvTime !== undefined || /\d{4}-\d\d-\d\dT/.test(JSON.stringify(v.expected))),
);

function decodeUnder(tz: string, v: CodecVector, recvTime?: string): { rc: number; out: string } {
  const argv = [CLI, 'codec', 'decode', codecIdOf(v), v.bytesHex, '--fport', String(v.fPort),
    '--json', ...(recvTime === undefined ? [] : ['--recv-time', recvTime])];
  const env = { ...process.env, TZ: tz };
  const r = spawnSync(process.execPath, argv, { env, encoding: 'utf8' });
  return { rc: r.status ?? -1, out: r.stdout + r.stderr };
}

describe('dates do not depend on TZ (built CLI in child processes)', () => {
  test('the CLI is built (npm test builds before running vitest)', () => {
    expect(existsSync(CLI), `${CLI} is missing: run npm run build`).toBe(true);
  });

  test('there are dated vectors for at least three vendors', () => {
    expect(new Set(dated.map((v) => codecIdOf(v).split('/')[0])).size).toBeGreaterThanOrEqual(3);
  });

  for (const v of dated) {
    test(`${v.id} (${codecIdOf(v)}): same output under UTC and Pacific/Auckland`, () => {
      // The vector's own time, and one inside the hour NZ repeats when its DST ends.
      const times = [v.recvTime, '2024-04-07T02:30:00+13:00'];
      for (const t of times) {
        const utc = decodeUnder('UTC', v, t);
        const nz = decodeUnder('Pacific/Auckland', v, t);
        // Vectors of corrupted payloads expect a codec error: exit 2 under both zones.
        expect(utc.rc).toBe(v.expectedErrors?.length ? 2 : 0);
        expect(nz.out).toBe(utc.out);
      }
    });
  }
});
