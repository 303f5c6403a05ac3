import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { bytesToBase64, bytesToHex } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';
import { EU868 } from '../../src/region/index.js';
import {
  buildDownlink,
  buildDeviceJoinRequest,
  buildUplink,
  createDeviceSession,
} from '../../simulator/device/index.js';
import { parseTrace, validateTrace } from '../../simulator/validate/index.js';
import { APP_KEY, APP_S_KEY, DEV_EUI, JOIN_EUI, NWK_S_KEY } from './helpers.js';

const DEV_ADDR = 0x26011bda;
const session = createDeviceSession('1.0', {
  devAddr: DEV_ADDR,
  nwkSKey: NWK_S_KEY,
  appSKey: APP_S_KEY,
});
const root = { devEui: DEV_EUI, joinEui: JOIN_EUI, appKey: APP_KEY };
const keys = { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY, appKey: APP_KEY };

function up(fCnt: number, payload: number[], fOpts: number[] = []): Uint8Array {
  return buildUplink(session, {
    confirmed: false,
    fCnt,
    adr: false,
    adrAckReq: false,
    ack: false,
    fOpts: Uint8Array.from(fOpts),
    fPort: 1,
    frmPayload: Uint8Array.from(payload),
    txDr: 5,
    txCh: 0,
    confFCnt: 0,
  });
}

const line = (timeMs: number, bytes: Uint8Array, extra: Record<string, unknown> = {}): string =>
  JSON.stringify({
    timeMs,
    frequencyHz: 868_100_000,
    dr: 5,
    phyPayload: bytesToHex(bytes),
    ...extra,
  });

/** A clean 1.0 trace: five uplinks ten minutes apart. */
function cleanLines(): string[] {
  return [0, 1, 2, 3, 4].map((i) => line(i * 600_000, up(i, [i, 1, 2, 3])));
}

const rules = (text: string, extra: object = {}): string[] =>
  validateTrace(parseTrace(text), { region: EU868, keys, ...extra })
    .violations.map((v) => `${v.rule}@${v.line}`);

describe('validator finds each planted fault', () => {
  test('a clean trace has none', () => {
    expect(rules(cleanLines().join('\n'))).toEqual([]);
  });

  test('bad MIC', () => {
    const bytes = up(2, [9, 9, 9, 9]);
    bytes[bytes.length - 1]! ^= 0x01;
    const lines = cleanLines();
    lines[2] = line(2 * 600_000, bytes);
    expect(rules(lines.join('\n'))).toEqual(['mic@3']);
  });

  test('FCnt replay: an old frame again, and a reused FCnt with other content', () => {
    const lines = [
      ...cleanLines(),
      line(5 * 600_000, up(2, [0, 1, 2, 3])),
      line(6 * 600_000, up(4, [7, 7, 7, 7])),
    ];
    expect(rules(lines.join('\n'))).toEqual(['fcnt-replay@6', 'fcnt-replay@7']);
  });

  test('a repetition of the same frame is not a replay', () => {
    const lines = [...cleanLines(), line(3_000_000 + 5000, up(4, [4, 1, 2, 3]))];
    const report = validateTrace(parseTrace(lines.join('\n')), { region: EU868, keys });
    expect(report.violations).toEqual([]);
    expect(report.summary.retransmissions).toBe(1);
  });

  test('copies of one frame from several gateways count once', () => {
    const lines = cleanLines();
    lines.splice(3, 0, line(2 * 600_000 + 3, up(2, [2, 1, 2, 3]), { frequencyHz: 868_100_000 }));
    const report = validateTrace(parseTrace(lines.join('\n')), { region: EU868, keys });
    expect(report.violations).toEqual([]);
    expect(report.summary.duplicates).toBe(1);
    expect(report.summary.uplinks).toBe(5);
  });

  test('FCnt reset without a join', () => {
    const lines = [...cleanLines(), line(5 * 600_000, up(0, [5, 5, 5, 5]))];
    expect(rules(lines.join('\n'))).toEqual(['fcnt-reset@6']);
  });

  test('DevNonce reuse and a DevNonce that does not increase', () => {
    const jr = (n: number, t: number): string => line(t, buildDeviceJoinRequest('1.0', root, n));
    const text = [jr(5, 0), jr(6, 600_000), jr(6, 1_200_000), jr(2, 1_800_000)].join('\n');
    expect(rules(text)).toEqual(['devnonce-reuse@3', 'devnonce-order@4']);
    expect(rules(text, { devNonce: 'random' })).toEqual(['devnonce-reuse@3']);
  });

  test('oversize payload for the data rate', () => {
    // DR0 M = 59 (RP002-1.0.1 Table 9): FHDR 7 + FPort 1 + 52 bytes = 60.
    const text = line(0, up(0, new Array(52).fill(1)), { dr: 0 });
    expect(rules(text)).toEqual(['payload-size@1']);
    expect(rules(line(0, up(0, new Array(51).fill(1)), { dr: 0 }))).toEqual([]);
  });

  test('duty-cycle breach under both policies', () => {
    const text = [line(0, up(0, [1]), { dr: 0 }), line(10_000, up(1, [1]), { dr: 0 })].join('\n');
    expect(rules(text)).toEqual(['duty-cycle-off-time@2']);
  });

  test('join back-off breach: DR0 Join-Requests every 20 s for an hour', () => {
    // 23 bytes at DR0 = 1482.752 ms (radio.json): 24 fit in 36 s, the 25th does not. The 1 %
    // sub-band is spread over three channels but shares one budget, so duty cycle trips too.
    const lines = Array.from({ length: 30 }, (_, i) =>
      line(i * 20_000, buildDeviceJoinRequest('1.0', root, i), {
        dr: 0,
        frequencyHz: 869_525_000,
      }));
    const report = validateTrace(parseTrace(lines.join('\n')), { region: EU868, keys });
    const backoff = report.violations.filter((v) => v.rule === 'join-backoff').map((v) => v.line);
    expect(backoff[0]).toBe(25);
    expect(backoff.length).toBe(6);
  });

  test('a MAC request left unanswered', () => {
    const dl = buildDownlink(session, { fCnt: 0, fOpts: Uint8Array.of(0x06) }); // DevStatusReq
    const lines = [
      line(0, up(0, [1])),
      line(1000 + 61.696, dl, { direction: 'down' }),
      line(600_000, up(1, [1])),
      line(1_200_000, up(2, [1])),
    ];
    expect(rules(lines.join('\n'))).toEqual(['mac-unanswered@3']);
    lines[2] = line(600_000, up(1, [1], [0x06, 0xff, 0x05]));
    expect(rules(lines.join('\n'))).toEqual([]);
  });
});

describe('trace formats', () => {
  const bytes = up(0, [1, 2, 3, 4]);

  test('Semtech rxpk (frequency in MHz, datr, base64 data) and txpk', () => {
    const rx = JSON.stringify({
      rxpk: [{
        time: '2026-01-05T10:00:00.000000Z',
        tmst: 1,
        freq: 868.1,
        datr: 'SF7BW125',
        codr: '4/5',
        size: bytes.length,
        data: bytesToBase64(bytes),
      }],
    });
    const [f] = parseTrace(rx);
    expect(f).toMatchObject({
      source: 'rxpk', frequencyHz: 868_100_000, sf: 7, bandwidthHz: 125_000, direction: 'up',
    });
    expect(bytesToHex(f!.phyPayload!)).toBe(bytesToHex(bytes));
    expect(f!.timeMs).toBe(Date.parse('2026-01-05T10:00:00Z'));
    const tx = JSON.stringify({
      txpk: {
        imme: false, tmst: 2000000, freq: 869.525, datr: 'SF12BW125', data: bytesToBase64(bytes),
      },
    });
    const down = { source: 'txpk', direction: 'down', sf: 12, timeMs: 2000 };
    expect(parseTrace(tx)[0]).toMatchObject(down);
  });

  test('ChirpStack v4 up event and The Things Stack uplink message', () => {
    const cs = JSON.stringify({
      deduplicationId: 'x',
      time: '2026-01-05T10:00:00Z',
      deviceInfo: { devEui: '0004A30B001A2B3C' },
      devAddr: '26011bda',
      dr: 5, fCnt: 7, fPort: 1, confirmed: false, data: 'AQIDBA==',
      txInfo: {
        frequency: 868100000,
        modulation: { lora: { bandwidth: 125000, spreadingFactor: 7, codeRate: 'CR_4_5' } },
      },
    });
    expect(parseTrace(cs)[0]).toMatchObject({
      source: 'chirpstack',
      dr: 5,
      frequencyHz: 868_100_000,
      event: { devAddr: DEV_ADDR, fCnt: 7, fPort: 1 },
    });
    const tts = JSON.stringify({ result: {
      end_device_ids: { device_id: 'd', dev_eui: '0004A30B001A2B3C', dev_addr: '26011BDA' },
      received_at: '2026-01-05T10:00:00Z',
      uplink_message: {
        f_port: 1,
        f_cnt: 7,
        frm_payload: 'AQIDBA==',
        settings: {
          data_rate: { lora: { bandwidth: 125000, spreading_factor: 7 } },
          frequency: '868100000',
        },
      },
    } });
    const t = parseTrace(tts)[0]!;
    expect(t).toMatchObject({
      source: 'tts', sf: 7, frequencyHz: 868_100_000, event: { fCnt: 7, fPort: 1 },
    });
    expect([...t.event!.frmPayload!]).toEqual([1, 2, 3, 4]);
    // Counters are checked on events; MICs are not (no raw frame).
    const later = cs.replace('"fCnt":7', '"fCnt":3').replace('10:00:00Z', '10:10:00Z');
    const report = validateTrace(parseTrace([cs, later].join('\n')), { region: EU868 });
    expect(report.violations.map((v) => v.rule)).toEqual(['fcnt-replay']);
    expect(report.notes.length).toBeGreaterThan(0);
  });

  test('an unreadable line is named', () => {
    expect(() => parseTrace(`${line(0, bytes)}\n{not json`)).toThrow(/line 2/);
    expect(() => parseTrace(`${line(0, bytes)}\n{not json`)).toThrow(LoireError);
    const noDr = '{"timeMs":0,"frequencyHz":868100000,"phyPayload":"40"}';
    expect(() => parseTrace(noDr)).toThrow(/line 1: no data rate/);
  });
});

describe('loire validate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'loire-validate-'));
  const file = (name: string, text: string): string => {
    const p = join(dir, name);
    writeFileSync(p, text);
    return p;
  };
  const capture = (): Io & { stdout: string[]; stderr: string[] } => {
    const stdout: string[] = [];
    const stderr: string[] = [];
    return {
      stdout, stderr, out: (t) => stdout.push(t), err: (t) => stderr.push(t), isTty: false,
    };
  };
  const keyFlags = ['--nwkskey', bytesToHex(NWK_S_KEY), '--appskey', bytesToHex(APP_S_KEY)];

  test('exit 0 on a clean trace, 1 with the violation listed in JSON', async () => {
    const clean = file('clean.jsonl', cleanLines().join('\n'));
    const io = capture();
    expect(await runCli(['validate', clean, ...keyFlags], io)).toBe(0);
    expect(io.stdout.at(-1)).toMatch(/5 frames .* MIC ok 5, bad 0, unchecked 0; 0 violation/);

    const lines = cleanLines();
    lines.push(line(5 * 600_000, up(2, [0])));
    const dirty = file('dirty.jsonl', lines.join('\n'));
    const io2 = capture();
    expect(await runCli(['validate', dirty, ...keyFlags, '--json'], io2)).toBe(1);
    const report = JSON.parse(io2.stdout[0]!);
    expect(report.violations).toEqual([
      { rule: 'fcnt-replay', line: 6, message: expect.stringMatching(/FCnt 2/) },
    ]);
  });

  test('--codec with an id the registry does not know (or no registry yet) exits 2', async () => {
    const io = capture();
    const trace = file('c.jsonl', cleanLines().join('\n'));
    const argv = ['validate', trace, ...keyFlags, '--codec', 'nobody/nothing'];
    expect(await runCli(argv, io)).toBe(2);
    const known = /--codec: (unknown codec 'nobody\/nothing'|this build has no codec registry)/;
    expect(io.stderr[0]).toMatch(known);
  });

  test('--keys FILE works like the flags', async () => {
    const keysJson = { nwkSKey: bytesToHex(NWK_S_KEY), appSKey: bytesToHex(APP_S_KEY) };
    const keysFile = file('keys.json', JSON.stringify(keysJson));
    const trace = file('k.jsonl', cleanLines().join('\n'));
    const io = capture();
    expect(await runCli(['validate', trace, '--keys', keysFile, '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout[0]!).summary.micOk).toBe(5);
  });

  test('exit 2 naming the line on unreadable input, and on bad options', async () => {
    const io = capture();
    const bad = file('bad.jsonl', `${cleanLines()[0]}\n\n{oops`);
    expect(await runCli(['validate', bad], io)).toBe(2);
    expect(io.stderr).toEqual([expect.stringMatching(/^loire: line 3: not JSON/)]);
    const io2 = capture();
    expect(await runCli(['validate', 'x.jsonl', '--nwkskey', 'abcd'], io2)).toBe(2);
    expect(io2.stderr[0]).toMatch(/--nwkskey: expected 32 hex digits/);
  });
});
