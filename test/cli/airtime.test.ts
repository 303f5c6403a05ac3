import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';

function capture(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false };
}

describe('loire airtime', () => {
  test('EU868 DR0, 23-byte PHYPayload: 1482.752 ms (radio.json), per sub-band', async () => {
    const io = capture();
    const argv = ['airtime', '--region', 'eu868', '--dr', '0', '--bytes', '23', '--json'];
    expect(await runCli(argv, io)).toBe(0);
    const r = JSON.parse(io.stdout[0]!);
    expect(r.toaMs).toBe(1482.752);
    expect(r.toaCeilMs).toBe(1483);
    const g1 = r.subBands.find((s: { subBand: string }) => s.subBand === '868.0-868.6');
    // 1 %: off-time = 99 x ToA; 36 s per hour / 1.482752 s = 24.28 -> 24 frames.
    expect(g1.offTimeMs).toBeCloseTo(1482.752 * 99, 3);
    expect(g1.maxUplinksPerHour).toBe(24);
  });

  test('--app-bytes adds the 13-byte overhead; --sf/--bw equals --dr', async () => {
    const a = capture();
    const b = capture();
    await runCli(['airtime', '--sf', '12', '--bw', '125', '--app-bytes', '10', '--json'], a);
    await runCli(['airtime', '--dr', '0', '--bytes', '23', '--json'], b);
    expect(JSON.parse(a.stdout[0]!).toaMs).toBe(JSON.parse(b.stdout[0]!).toaMs);
  });

  test('prints both values in text', async () => {
    const io = capture();
    expect(await runCli(['airtime', '--dr', '5', '--bytes', '13'], io)).toBe(0);
    expect(io.stdout.join('\n')).toMatch(/46\.336 ms \(firmware ceiling 47 ms\)/);
  });

  test('exits 2 with one line on bad input', async () => {
    for (const argv of [
      ['airtime', '--dr', '0'],
      ['airtime', '--dr', 'x', '--bytes', '3'],
      ['airtime', '--region', 'mars', '--dr', '0', '--bytes', '3'],
      ['airtime', '--dr', '9', '--bytes', '3'],
      ['airtime', '--sf', '12', '--bw', '300', '--bytes', '3'],
    ]) {
      const io = capture();
      expect(await runCli(argv, io)).toBe(2);
      expect(io.stderr).toHaveLength(1);
      expect(io.stderr[0]).toMatch(/^loire: /);
    }
  });
});
