/**
 * `loire simulate [scenario.json|name] [--seed N] [--hours H] [--json] [--report FILE]
 * [--forward udp://127.0.0.1:1700] [--speed N] [--allow-remote]`: runs a territory scenario
 * (default: the metropolitan pilot shipped in `scenarios/`), prints a summary and writes a
 * self-contained HTML report.
 */
import {
  accessSync, constants, existsSync, mkdirSync, readFileSync, statSync, writeFileSync,
} from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, extname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getCodec } from '../../codecs/registry.js';
import { parsePositionsCsv, parsePositionsGeoJson } from '../../simulator/radio/geo.js';
import { renderHtmlReport } from '../../simulator/report/html.js';
import { percentDown } from '../../simulator/report/percent.js';
import { Simulation, type ReceptionEvent } from '../../simulator/scenario/run.js';
import type { SimulationSummary } from '../../simulator/scenario/summary.js';
import type { Scenario } from '../../simulator/scenario/types.js';
import { intOption, parseArgs, UsageError } from '../args.js';
import { parseForwardUrl, UdpForwarders } from '../forward-udp.js';
import { reportError, type Io } from '../io.js';

const HELP = `usage: loire simulate [scenario.json|metropole|region] [options]
  --seed N          random seed (default: the scenario's)
  --hours H         simulated hours (default: the scenario's, 24)
  --json            print the summary as JSON
  --report FILE     HTML report path (default reports/loire-report.html)
  --forward URL     act as Semtech UDP packet forwarders towards udp://HOST:PORT
  --speed N         with --forward: N simulated seconds per real second (default 1)
  --allow-remote    allow --forward to a host that is not loopback`;

/** The `scenarios/` folder: beside `dist/` in the package, at the root in the repository. */
export function scenariosDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    const candidate = resolve(dir, 'scenarios');
    if (existsSync(resolve(candidate, 'metropole.json'))) return candidate;
    dir = dirname(dir);
  }
  throw new UsageError('cannot find the scenarios/ folder of loire', 'NOT_FOUND');
}

/** Reads a scenario by path or built-in name, resolving `file` placements beside it. */
export function loadScenario(ref: string | undefined): Scenario {
  let path: string;
  if (ref === undefined) path = resolve(scenariosDir(), 'metropole.json');
  else if (/^[a-z0-9-]+$/.test(ref) && !existsSync(ref)) path = resolve(scenariosDir(),
    `${ref}.json`);
  else path = resolve(ref);
  if (!existsSync(path)) throw new UsageError(`scenario not found: ${ref ?? path}`, 'NOT_FOUND');
  let scenario: Scenario;
  try {
    scenario = JSON.parse(readFileSync(path, 'utf8')) as Scenario;
  } catch (e) {
    throw new UsageError(`${path}: not JSON (${(e as Error).message})`, 'BAD_SCENARIO');
  }
  const base = dirname(path);
  const resolveFile = (p: unknown, what: string): unknown => {
    const q = p as { kind?: string; path?: string } | undefined;
    if (q?.kind !== 'file') return p;
    if (typeof q.path !== 'string') throw new UsageError(`${what}.placement.path: expected a `
      + `file path`, 'BAD_SCENARIO');
    const file = isAbsolute(q.path) ? q.path : resolve(base, q.path);
    const text = readFileSync(file, 'utf8');
    const ext = extname(file).toLowerCase();
    const positions = ext === '.csv' ? parsePositionsCsv(text)
      : parsePositionsGeoJson(JSON.parse(text));
    return { kind: 'positions', positions };
  };
  if (scenario?.gateways) scenario.gateways.placement = resolveFile(scenario.gateways.placement,
    'gateways') as never;
  if (scenario?.devices) {
    scenario.devices.placement = resolveFile(scenario.devices.placement, 'devices') as never;
    for (const g of scenario.devices.groups ?? []) {
      if (g.placement) g.placement = resolveFile(g.placement,
        `devices.groups '${g.name}'`) as never;
    }
  }
  if (typeof scenario?.name !== 'string' || !scenario.area || !scenario.gateways
    || !scenario.devices?.groups) {
    throw new UsageError(`${path}: needs name, area, gateways and devices.groups`, 'BAD_SCENARIO');
  }
  return scenario;
}

/** The human summary. */
export function formatSummary(s: SimulationSummary, reportPath: string): string {
  const lines = [
    `scenario ${s.scenario}: ${s.devices} devices, ${s.gateways} gateways, ${s.hours} h, seed `
      + `${s.seed}`
      + ` (${(s.elapsedMs / 1000).toFixed(1)} s)`,
    `uplinks attempted ${s.uplinks}, delivered ${s.delivered}: ${percentDown(s.pdr)}`
      + ` (${s.transmissions} transmissions with repetitions and joins)`,
    `by data rate: ` + Object.entries(s.byDataRate)
      .map(([dr, c]) => `DR${dr} ${percentDown(c.pdr)} of ${c.uplinks}`).join(', '),
    `by category: ` + Object.entries(s.byCategory)
      .map(([k, c]) => `${k} ${percentDown(c.pdr)} of ${c.uplinks}`).join(', '),
    `lost: ${s.lost.outOfRange} out of range, ${s.collisions} collisions, ${s.lost.demodulators} `
      + `demodulators`
      + ` busy, ${s.lost.halfDuplex} gateway transmitting; ${s.duplicatesMerged} gateway `
        + `duplicates merged`,
    `duty cycle: ${s.dutyCycleDeferrals} deferrals, ${s.dutyCycleViolations} violations`,
    `joins: ${s.joins.accepted} accepted of ${s.joins.requests} requests, `
      + `${s.joins.devNonceRefused}`
      + ` DevNonce refused, ${s.joins.neverJoined} devices never joined`,
    `downlinks: ${s.downlinks.sent} sent (RX1 ${s.downlinks.rx1}, RX2 ${s.downlinks.rx2}), `
      + `${s.downlinks.refusedDutyCycle}`
      + ` refused by duty cycle, ${s.downlinks.acks} ACKs, ${s.downlinks.linkAdrReq} LinkADRReq,`
      + ` ${s.downlinks.receivedByDevices} received`,
  ];
  const loads = s.gatewayLoad.map((g) => g.received);
  if (loads.length > 0) {
    lines.push(`gateway load: ${Math.min(...loads)} to ${Math.max(...loads)} packets,`
      + ` mean ${(loads.reduce((a, b) => a + b, 0) / loads.length).toFixed(0)}`);
  }
  lines.push(`airtime: ${s.airtimeBySubBand.filter((b) => b.airtimeMs > 0)
    .map((b) => `${b.subBand} ${(b.airtimeMs / 1000).toFixed(0)} s`).join(', ')}`);
  lines.push(`decoded ${s.decoded} readings (${s.decodeErrors} errors); report: ${reportPath}`);
  return lines.join('\n');
}

/** Runs the command. */
export async function run(argv: string[], io: Io): Promise<number> {
  let json = false;
  try {
    const a = parseArgs(argv, {
      values: ['seed', 'hours', 'report', 'forward', 'speed'],
      booleans: ['json', 'allow-remote', 'help'],
    });
    json = a.flags.json === true;
    if (a.flags.help) {
      io.out(HELP);
      return 0;
    }
    if (a.positionals.length > 1) throw new UsageError('simulate: one scenario at most');
    const seed = a.values.seed !== undefined ? intOption(a.values.seed, 'seed', 0, 2 ** 32 - 1)
      : undefined;
    let hours: number | undefined;
    if (a.values.hours !== undefined) {
      hours = Number(a.values.hours);
      if (!(hours > 0
        && hours <= 24 * 366)) throw new UsageError(`--hours: expected 0 < H <= 8784, got `
          + `'${a.values.hours}'`);
    }
    const speed = a.values.speed !== undefined ? Number(a.values.speed) : 1;
    if (!(speed > 0)) throw new UsageError(`--speed: expected a positive number, got `
      + `'${a.values.speed}'`);
    const target = a.values.forward !== undefined
      ? parseForwardUrl(a.values.forward, a.flags['allow-remote'] === true) : undefined;
    const reportPath = resolve(a.values.report ?? 'reports/loire-report.html');
    // Said before the run, not after minutes of simulation.
    if (existsSync(reportPath) && statSync(reportPath).isDirectory()) {
      throw new UsageError(`--report ${reportPath}: is a directory; give a file path such as `
        + `${join(reportPath, 'loire-report.html')}`);
    }
    try {
      mkdirSync(dirname(reportPath), { recursive: true });
      accessSync(dirname(reportPath), constants.W_OK);
    } catch (e) {
      throw new UsageError(`--report ${reportPath}: cannot write there: ${(e as Error).message}`,
        'WRITE_FAILED');
    }
    const scenario = loadScenario(a.positionals[0]);
    // A run allocates millions of short-lived objects (frames, events, emissions). When many
    // of one kind outlive a young-generation collection early in the run, V8 starts
    // allocating that kind directly in the old generation ("pretenuring"), where each dies
    // only at the next full collection: region's peak RSS went from 0.54 to 1.1 GiB that way.
    // (A larger young generation cannot be set here: V8 sizes it once, at start-up.)
    setFlagsFromString('--no-allocation-site-pretenuring');

    let forwarders: UdpForwarders | undefined;
    const sim = new Simulation(scenario, {
      resolveCodec: getCodec,
      ...(seed !== undefined ? { seed } : {}),
      ...(hours !== undefined ? { hours } : {}),
      // Only when forwarding: the hook costs an object per gateway reception.
      ...(target ? { onReception: (r: ReceptionEvent) => forwarders?.push(r) } : {}),
    });
    if (target) forwarders = new UdpForwarders(target, sim.gateways.map((g) => g.id), sim.seed);

    const progress = (): void => {
      if (io.isTty) {
        io.err(`simulating ${scenario.name}: ${(sim.nowMs / 3_600_000).toFixed(1)}/${sim.hours} h,`
          + ` ${sim.engine.eventsRun} events`);
      }
    };
    if (forwarders === undefined) {
      while (!sim.done) {
        sim.advance(sim.nowMs + 3_600_000);
        progress();
      }
    } else {
      // Real or scaled time: the virtual clock follows the wall clock times the speed.
      const wallStart = Date.now();
      let nextKeepAlive = 0;
      let nextStat = 30_000;
      let nextProgress = 0;
      forwarders.keepAlive();
      while (!sim.done) {
        const virtual = (Date.now() - wallStart) * speed;
        sim.advance(Math.max(virtual, sim.nowMs));
        if (sim.nowMs >= nextKeepAlive) {
          forwarders.keepAlive();
          nextKeepAlive = sim.nowMs + 10_000;
        }
        if (sim.nowMs >= nextStat) {
          // Forwarders report their statistics every 30 s (the packet forwarder's default).
          forwarders.stat(sim.startEpochMs + sim.nowMs);
          nextStat = sim.nowMs + 30_000;
        }
        if (sim.nowMs >= nextProgress) {
          progress();
          nextProgress = sim.nowMs + 3_600_000;
        }
        await new Promise((r) => setTimeout(r, 20));
      }
      // Let the last acknowledgements arrive.
      await new Promise((r) => setTimeout(r, 300));
    }
    const report = sim.finish();
    try {
      writeFileSync(reportPath, renderHtmlReport(report));
    } catch (e) {
      throw new UsageError(`--report ${reportPath}: cannot write: ${(e as Error).message}`,
        'WRITE_FAILED');
    }
    const fwd = forwarders?.totals();
    forwarders?.close();
    if (json) {
      io.out(JSON.stringify({ ...report.summary, report: reportPath, ...(fwd ? { forward: fwd }
        : {}) }));
    } else {
      io.out(formatSummary(report.summary, reportPath));
      if (fwd) {
        io.out(`forwarded: ${fwd.pushData} PUSH_DATA (${fwd.pushAck} acked), ${fwd.pullData} `
          + `PULL_DATA`
          + ` (${fwd.pullAck} acked), ${fwd.pullResp} PULL_RESP answered with ${fwd.txAck} TX_ACK`);
      }
    }
    return 0;
  } catch (e) {
    return reportError(e, io, json);
  }
}
