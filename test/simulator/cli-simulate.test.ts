/**
 * `loire simulate` through runCli: the JSON summary, the report file, the refusal of a remote
 * forward target, and forwarding to a Semtech UDP listener this test starts on 127.0.0.1.
 */
import { createSocket } from 'node:dgram';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { percentDown as pct } from '../../simulator/report/percent.js';
import { runCli } from '../../cli/run.js';
import type { Io } from '../../cli/io.js';
import { decodeSemtechPacket, type SemtechPacket } from '../../simulator/forwarder/semtech-udp.js';
import { group, tinyScenario } from './_scenario.js';

function captureIo(): Io & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, isTty: false, out: (t) => stdout.push(t), err: (t) => stderr.push(t) };
}

const dir = mkdtempSync(join(tmpdir(), 'loire-sim-'));
const scenarioFile = join(dir, 'small.json');
writeFileSync(scenarioFile, JSON.stringify(tinyScenario({ gateways: 2, groups: [group(20, 5)] })));

describe('loire simulate', () => {
  it('refuses a report path that is a directory before running', async () => {
    const io = captureIo();
    const status = await runCli(['simulate', scenarioFile, '--json', '--report', dir], io);
    expect(status).toBe(2);
    const { error } = JSON.parse(io.stdout.join(''));
    expect(error.message).toBe(`--report ${dir}: is a directory; give a file path such as ` +
      `${join(dir, 'loire-report.html')}`);
  });

  it('refuses a report path under a file with WRITE_FAILED before running', async () => {
    const io = captureIo();
    const status = await runCli(['simulate', scenarioFile, '--json', '--report',
      join(scenarioFile, 'r.html')], io);
    expect(status).toBe(2);
    const { error } = JSON.parse(io.stdout.join(''));
    expect(error.code).toBe('WRITE_FAILED');
    expect(error.message).toContain(`--report ${join(scenarioFile, 'r.html')}: cannot write`);
  });

  it('refuses a fleet larger than a run keeps in memory, at once', async () => {
    const huge = join(dir, 'huge.json');
    writeFileSync(huge, JSON.stringify(tinyScenario({ gateways: 1, groups: [group(1e9, 60)] })));
    const io = captureIo();
    const status = await runCli(['simulate', huge, '--json', '--report', join(dir, 'h.html')], io);
    expect(status).toBe(2);
    const { error } = JSON.parse(io.stdout.join(''));
    expect(error.message).toBe('devices.groups: 1000000000 devices in all, more than the ' +
      '100000 a run keeps in memory');
  });

  it('prints a JSON summary and writes the HTML report', async () => {
    const io = captureIo();
    const report = join(dir, 'r.html');
    const status = await runCli(['simulate', scenarioFile, '--hours', '1', '--seed', '5', '--json',
      '--report', report], io);
    expect(status).toBe(0);
    const s = JSON.parse(io.stdout.join(''));
    for (const k of ['uplinks', 'delivered', 'pdr', 'dutyCycleViolations',
      'byCategory']) expect(s).toHaveProperty(k);
    expect(s.uplinks).toBeGreaterThan(100);
    expect(s.delivered).toBeLessThanOrEqual(s.uplinks);
    expect(s.pdr).toBeCloseTo(s.delivered / s.uplinks, 9);
    expect(s.byCategory.water.uplinks).toBe(s.uplinks);
    expect(s.dutyCycleViolations).toBe(0);
    expect(io.stderr).toEqual([]);
    expect(readFileSync(report, 'utf8')).toContain('id="chart-map"');
  });

  it('places gateways from a CSV and devices from a GeoJSON named in the scenario', async () => {
    writeFileSync(join(dir, 'gw.csv'), 'name,x_m,y_m\nnorth,1500,2500\nsouth,1500,500\n');
    const points = Array.from({ length: 12 }, (_, i) => ({ type: 'Feature', properties: {},
      geometry: { type: 'Point', coordinates: [4.80 + (i % 4) * 0.01, 45.70
        + Math.floor(i / 4) * 0.01] } }));
    writeFileSync(join(dir, 'dev.geojson'), JSON.stringify({ type: 'FeatureCollection',
      features: points }));
    const sc = tinyScenario({ gateways: 2, groups: [group(12, 10)] });
    sc.gateways.placement = { kind: 'file', path: 'gw.csv' } as never;
    sc.devices.placement = { kind: 'file', path: 'dev.geojson' } as never;
    const file = join(dir, 'placed.json');
    writeFileSync(file, JSON.stringify(sc));
    const io = captureIo();
    expect(await runCli(['simulate', file, '--hours', '1', '--json', '--report', join(dir,
      'p.html')],
      io)).toBe(0);
    const s = JSON.parse(io.stdout.join(''));
    expect(s.gatewayLoad.map((g: { xM: number; yM: number }) => [g.xM, g.yM]))
      .toEqual([[1500, 2500], [1500, 500]]);
    expect(s.devices).toBe(12);
  });

  it('refuses to forward to a host that is not loopback, before sending anything', async () => {
    const io = captureIo();
    const status = await runCli(['simulate', scenarioFile, '--hours', '1', '--json',
      '--report', join(dir, 'x.html'), '--forward', 'udp://192.0.2.1:1700'], io);
    expect(status).toBe(2);
    expect(JSON.parse(io.stdout.join('')).error.code).toBe('REMOTE_REFUSED');
    expect(existsSync(join(dir, 'x.html'))).toBe(false);
  });

  it('refuses an unknown option and a bad --hours', async () => {
    expect(await runCli(['simulate', '--hourz', '1'], captureIo())).toBe(2);
    expect(await runCli(['simulate', scenarioFile, '--hours', '-1'], captureIo())).toBe(2);
  });

  it('forwards as Semtech UDP packet forwarders to a loopback listener', async () => {
    const server = createSocket('udp4');
    await new Promise<void>((r) => server.bind(0, '127.0.0.1', r));
    const port = server.address().port;
    const got: SemtechPacket[] = [];
    server.on('message', (m, rinfo) => {
      if (got.length >= 2000) return; // bounded
      const p = decodeSemtechPacket(new Uint8Array(m));
      got.push(p);
      const ack = p.type === 'PUSH_DATA' ? 1 : p.type === 'PULL_DATA' ? 4 : -1;
      if (ack >= 0) server.send(Uint8Array.of(2, p.token >> 8, p.token & 0xff, ack), rinfo.port,
        rinfo.address);
    });
    try {
      const io = captureIo();
      // 20 simulated minutes at 1200 x: about one second of wall time.
      const status = await runCli(['simulate', scenarioFile, '--hours', String(20 / 60), '--json',
        '--report', join(dir, 'f.html'), '--forward', 'udp://127.0.0.1:' + port, '--speed',
          '1200'], io);
      expect(status).toBe(0);
      const s = JSON.parse(io.stdout.join(''));
      const push = got.filter((p) => p.type === 'PUSH_DATA');
      const pull = got.filter((p) => p.type === 'PULL_DATA');
      expect(pull.length).toBeGreaterThanOrEqual(2);
      expect(new Set(pull.map((p) => p.gatewayEui)).size).toBe(2);
      const rxpk = push.flatMap((p) => (p.json!.rxpk as Record<string,
        unknown>[] | undefined) ?? []);
      expect(rxpk.length).toBe(s.forward.rxpk);
      const received = s.gatewayLoad.reduce((a: number, g: { received: number }) => a
        + g.received, 0);
      expect(rxpk.length).toBe(received);
      for (const r of rxpk) {
        expect(r.time).toMatch(/^2026-01-15T00:[0-2]\d:\d\d\.\d{6}Z$/);
        expect(Number.isInteger(r.tmst) && (r.tmst as number) >= 0
          && (r.tmst as number) < 2 ** 32).toBe(true);
        expect([868.1, 868.3, 868.5, 867.1, 867.3, 867.5, 867.7, 867.9]).toContain(r.freq);
        expect(r.datr).toMatch(/^SF(7|8|9|10|11|12)BW125$/);
        expect(r.codr).toBe('4/5');
        expect(Number.isInteger(r.rssi)).toBe(true);
        expect(typeof r.lsnr).toBe('number');
        expect(Buffer.from(r.data as string, 'base64').length).toBe(r.size);
      }
      expect(s.forward.pushAck).toBeGreaterThan(0);
      const stats = push.filter((p) => p.json!.stat !== undefined).map((p) => p.json!.stat as
        Record<string, unknown>);
      expect(stats.length).toBeGreaterThanOrEqual(2);
      expect(stats[0]!.time).toMatch(/^2026-01-15 00:\d\d:\d\d GMT$/);
      expect(stats.reduce((a, x) => a + (x.rxnb as number), 0)).toBeLessThanOrEqual(rxpk.length);
    } finally {
      server.close();
    }
  });
});

describe('summary percentages', () => {
  it('round down, so that a loss never reads 100.0 %', () => {
    expect(pct(0.9998)).toBe('99.9 %');
    expect(pct(1)).toBe('100.0 %');
    expect(pct(0.29)).toBe('29.0 %');
    expect(pct(0)).toBe('0.0 %');
    expect(pct(0.12345)).toBe('12.3 %');
  });
});
