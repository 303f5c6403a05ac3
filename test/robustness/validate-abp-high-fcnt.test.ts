/**
 * An ABP street-light controller met after 455 days at one frame per 10 minutes is past
 * FCnt 65535; its frames carry only the 16 low bits (TS001-1.0.4 §4.3.1.5). `loire validate`
 * used to take the first frame's counter as those 16 bits and report every MIC as bad on a
 * correct trace. MICs here come from the node:crypto oracle (test/crypto/oracle.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Io } from '../../cli/io.js';
import { runCli } from '../../cli/run.js';
import { bytesToHex, hexToBytes } from '../../src/bytes/hex.js';
import { dataMic10Oracle } from '../crypto/oracle.js';

const dir = mkdtempSync(join(tmpdir(), 'loire-abp-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** lora-packet's NwkSKey and AppSKey (mac.json `lp-mic-data-up-1`, `lp-decrypt-test`). */
const NWK_S_KEY = '44024241ed4ce9a68c6a8bc055233fd3';
const APP_S_KEY = 'ec925802ae430ca77fd3dd73cb2cc588';
const DEV_ADDR = 0x49be7df1;

/** An unconfirmed uplink, FPort 1, 3 bytes of FRMPayload, signed for the full `fCnt`. */
function uplink(fCnt: number, key = NWK_S_KEY): string {
  const body = new Uint8Array([0x40, 0xf1, 0x7d, 0xbe, 0x49, 0x00, fCnt & 0xff,
    (fCnt >> 8) & 0xff, 0x01, 0x01, 0x02, 0x03]);
  const mic = dataMic10Oracle(hexToBytes(key), 0, DEV_ADDR, fCnt, body);
  return bytesToHex(body) + bytesToHex(mic);
}

async function validate(fCnts: number[], key?: string): Promise<Record<string, unknown>> {
  const lines = fCnts.map((n, i) => JSON.stringify({
    timeMs: i * 600_000, frequencyHz: 868_100_000, dr: 5, phyPayload: uplink(n, key) }));
  const path = join(dir, `t${fCnts[0]}-${key ?? 'k'}.jsonl`);
  writeFileSync(path, lines.join('\n') + '\n');
  const out: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => out.push(t), isTty: false };
  await runCli(['validate', path, '--nwkskey', NWK_S_KEY, '--appskey', APP_S_KEY, '--json',
    '--search-fcnt'], io);
  return JSON.parse(out.join('\n')) as Record<string, unknown>;
}

describe('loire validate, ABP device past FCnt 65535', () => {
  test('MICs check with the full counter, recovered from the first frame', async () => {
    const r = await validate([70_000, 70_001, 70_002]);
    expect(r.violations).toEqual([]);
    const frames = r.frames as { fCnt: number; mic: string }[];
    expect(frames.map((f) => [f.fCnt, f.mic])).toEqual([
      [70_000, 'ok'], [70_001, 'ok'], [70_002, 'ok']]);
    expect((r.notes as string[]).join('\n')).toMatch(/FCnt 70000 on line 1 found from the MIC/);
  });

  test('a trace across the 16-bit wrap keeps counting', async () => {
    const r = await validate([131_071, 131_072]);
    expect(r.violations).toEqual([]);
    expect((r.frames as { fCnt: number }[]).map((f) => f.fCnt)).toEqual([131_071, 131_072]);
  });

  test('a device below 65536 is unchanged, and no note is added', async () => {
    const r = await validate([5, 6]);
    expect(r.violations).toEqual([]);
    expect((r.notes as string[]).join('\n')).not.toMatch(/found from the MIC/);
  });

  test('frames signed with another key are still reported as bad MICs', async () => {
    const r = await validate([70_000, 70_001], APP_S_KEY);
    const rules = (r.violations as { rule: string }[]).map((v) => v.rule);
    expect(rules).toEqual(['mic', 'mic']);
  });
});
