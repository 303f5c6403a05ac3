/**
 * `loire decode --codec`: the decrypted FRMPayload is chained into the codec's TS013
 * decodeUplink. Frames are built by loire around the payloads of codecs.json (vendors'
 * published examples); the CLI result must equal the codec called directly on those bytes,
 * and for the water meter example the vendor's published values.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { buildDataFrame, bytesToHex, hexToBytes } from '../../src/index.js';
import { codecIds, decodeUplink, getCodec } from '../../codecs/index.js';
import { codecIdOf, loadVectors, type CodecVector } from '../vectors.js';

const APP_S_KEY = 'f0e0d0c0b0a090807060504030201000';
const NWK_S_KEY = '000102030405060708090a0b0c0d0e0f';
const IDS = codecIds();
const CASES = loadVectors<CodecVector[]>('codecs.json').filter(
  (v) => v.operation === 'decodeUplink' && v.fPort !== null && v.fPort > 0 &&
    IDS.includes(codecIdOf(v)) && v.recvTime === undefined,
);

async function cli(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t), isTty: false };
  const status = await runCli(['decode', ...argv], io);
  return { status, out: out.join('\n'), err: err.join('\n') };
}

function frameFor(v: CodecVector): string {
  const payload = hexToBytes(v.bytesHex);
  return bytesToHex(buildDataFrame(
    { uplink: true, devAddr: '26011f2a', fCnt: 70_000, fPort: v.fPort, payload },
    { keys: { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY } },
  ));
}

describe('loire decode --codec', () => {
  it('has codec vectors to run', () => expect(CASES.length).toBeGreaterThan(10));

  it.each(CASES.map((v) => [v.id, v] as const))('%s', async (_id, v) => {
    const r = await cli([frameFor(v), '--appskey', APP_S_KEY, '--nwkskey', NWK_S_KEY,
      '--fcnt', '70000', '--codec', codecIdOf(v), '--json']);
    expect(r.status).toBe(0);
    const o = JSON.parse(r.out) as { micValid: boolean; payload: string; decoded: unknown };
    expect([o.micValid, o.payload]).toEqual([true, v.bytesHex.toLowerCase()]);
    const direct = decodeUplink(getCodec(codecIdOf(v))!, {
      bytes: hexToBytes(v.bytesHex), fPort: v.fPort!,
    });
    expect(o.decoded).toEqual(JSON.parse(JSON.stringify(direct)));
  });

  it('water-02 (Milesight EM300-DI): the vendor\'s values under decoded.data', async () => {
    const v = CASES.find((x) => x.id === 'water-02')!;
    const r = await cli([frameFor(v), '--appskey', APP_S_KEY, '--fcnt', '70000',
      '--codec', codecIdOf(v), '--json']);
    const o = JSON.parse(r.out) as { decoded: { data: unknown; errors: string[] } };
    expect(o.decoded.data).toEqual(v.expected);
    expect(o.decoded.errors).toEqual([]);
  });

  it('needs AppSKey, and a known codec id', async () => {
    const v = CASES[0]!;
    const noKey = await cli([frameFor(v), '--codec', codecIdOf(v)]);
    expect([noKey.status, noKey.err]).toEqual([
      2, 'loire: --codec: the payload is encrypted; give --appskey to decrypt it',
    ]);
    const unknown = await cli([frameFor(v), '--appskey', APP_S_KEY, '--codec', 'acme/none']);
    expect(unknown.status).toBe(2);
    expect(unknown.err).toMatch(/--codec: unknown codec 'acme\/none'/);
  });
});
