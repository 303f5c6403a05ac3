/**
 * Runs a scenario: places gateways and devices, wires Class A devices to the radio medium, the
 * medium to the network server, and the network server to the join server and the application
 * side, then advances the discrete-event engine hour by hour and gathers the summary.
 */
import type { CodecDefinition } from '../../codecs/framework/types.js';
import { EU868 } from '../../src/region/eu868.js';
import type { Region } from '../../src/region/types.js';
import { ClassADevice } from '../device/device.js';
import type { Transmission } from '../device/types.js';
import { DutyCycle } from '../duty-cycle/duty-cycle.js';
import { Engine } from '../engine/engine.js';
import type { Rng } from '../engine/rng.js';
import { Gateway } from '../gateway/gateway.js';
import { placeGrid, placeRandom, type Area, type Position } from '../radio/geo.js';
import { isolationPreset } from '../radio/isolation.js';
import { Medium, type Links } from '../radio/medium.js';
import { pathLossPreset, standardNormal, type PathLossModel } from '../radio/path-loss.js';
import {
  noiseFloorDbm,
  RECEIVER_PRESETS,
  sensitivityDbm,
  SNR_FLOOR_DB,
} from '../radio/sensitivity.js';
import { ApplicationServer } from '../network/application-server.js';
import { JoinServer } from '../network/join-server.js';
import { NetworkServer, type DownlinkRequest } from '../network/network-server.js';
import { DutyCycleAudit } from './audit.js';
import { createReadingGenerator } from './readings.js';
import type {
  DeliveryCount,
  SimulationReport,
  SimulationSummary,
  SubBandAirtime,
} from './summary.js';
import type { DeviceGroup, Placement, Scenario } from './types.js';

/** A gateway's reception, for packet forwarders. */
export interface ReceptionEvent {
  gatewayIndex: number;
  gateway: Gateway;
  /** Virtual time of the end of the packet, ms since the scenario start. */
  timeMs: number;
  /** Epoch milliseconds of the same instant. */
  epochMs: number;
  frequencyHz: number;
  dr: number;
  sf: number;
  bandwidthHz: number;
  rssiDbm: number;
  snrDb: number;
  phyPayload: Uint8Array;
}

/** Options of {@link Simulation}. */
export interface SimulationOptions {
  /** Seed (default the scenario's, else 1). */
  seed?: number;
  /** Simulated hours (default the scenario's, else 24). */
  hours?: number;
  /** The codec of an id (the CLI passes the registry's `getCodec`). */
  resolveCodec(id: string): CodecDefinition | undefined;
  /** Keep every decoded reading and what each device encoded (tests). */
  keepReadings?: boolean;
  /** Called with each gateway reception (packet forwarders hook here). */
  onReception?(r: ReceptionEvent): void;
  /** Decoded samples per category in the report (default 6). */
  samplesPerCategory?: number;
  /** Wall-clock source for `elapsedMs` (default `Date.now`). */
  now?: () => number;
}

/** A simulated device and its bookkeeping. */
export interface SimDevice {
  name: string;
  devEui: string;
  group: DeviceGroup;
  category: string;
  codec: CodecDefinition;
  position: Position;
  links: Links;
  device: ClassADevice;
  uplinks: number;
  delivered: number;
  /** What it encoded, by payload hex (with `keepReadings`). */
  encoded?: Map<string, unknown>;
}

const DEFAULT_START = '2026-01-15T00:00:00Z';
const FADING_SIGMA_DB = 1;
const HOUR_MS = 3_600_000;

// EU868 channels 3..7 of the CFList most public networks use (TTN and ChirpStack defaults).
const EU868_CF_LIST_HZ = [867_100_000, 867_300_000, 867_500_000, 867_700_000, 867_900_000];

function hex(n: number, digits: number): string {
  return n.toString(16).padStart(digits, '0');
}

function randomKey(rng: Rng): Uint8Array {
  const k = new Uint8Array(16);
  for (let i = 0; i < 16; i++) k[i] = rng.nextU32() & 0xff;
  return k;
}

/**
 * The largest fleet a run takes. The simulator keeps every device, its session and its links to
 * the gateways in memory (about 35 kB a device on the regional scenario, 15,620 devices in
 * 0.55 GiB), so a count far beyond these would exhaust the heap of a Node process after
 * minutes of work instead of failing at once.
 */
export const MAX_SIMULATED_DEVICES = 100_000;
/** The largest number of gateways a run takes (the regional scenario has 578). */
export const MAX_SIMULATED_GATEWAYS = 5_000;

function checkFleetSize(scenario: Scenario): void {
  const gateways = scenario.gateways.count;
  if (!Number.isInteger(gateways) || gateways < 1 || gateways > MAX_SIMULATED_GATEWAYS) {
    throw new RangeError(`gateways.count: expected an integer from 1 to ` +
      `${MAX_SIMULATED_GATEWAYS}, got ${String(gateways)}`);
  }
  let total = 0;
  for (const group of scenario.devices.groups) {
    if (typeof group.count === 'number') total += group.count;
  }
  if (total > MAX_SIMULATED_DEVICES) {
    throw new RangeError(`devices.groups: ${total} devices in all, more than the ` +
      `${MAX_SIMULATED_DEVICES} a run keeps in memory`);
  }
}

function place(p: Placement | undefined, count: number, area: Area, rng: Rng,
  what: string): Position[] {
  const kind = p?.kind ?? 'random';
  if (kind === 'random') return placeRandom(count, area, rng,
    (p as { centreWeight?: number })?.centreWeight ?? 0);
  if (kind === 'grid') return placeGrid(count, area, rng, (p as { jitter?: number }).jitter ?? 0.3);
  if (kind === 'positions') {
    const list = (p as { positions: Position[] }).positions;
    if (!Array.isArray(list) || list.length < count) {
      throw new RangeError(`${what}.placement.positions: expected at least ${count} positions, `
        + `got ${list?.length ?? 0}`);
    }
    return list.slice(0, count).map((q) => ({ xM: q.xM, yM: q.yM }));
  }
  throw new RangeError(`${what}.placement.kind: expected random, grid or positions, got `
    + `'${String(kind)}'`);
}

/**
 * One run of a scenario, advanced by the caller ({@link Simulation.advance}) or all at once
 * ({@link runScenario}).
 *
 * @example
 * ```ts
 * const sim = new Simulation(scenario, { resolveCodec: getCodec, seed: 7, hours: 2 });
 * while (!sim.done) sim.advance(sim.nowMs + 3_600_000);
 * const report = sim.finish();
 * ```
 */
export class Simulation {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly hours: number;
  readonly region: Region = EU868;
  readonly engine: Engine;
  readonly gateways: Gateway[];
  readonly medium: Medium<{ tx: Transmission; dev: SimDevice }>;
  readonly joinServer: JoinServer;
  readonly networkServer: NetworkServer;
  readonly application: ApplicationServer;
  readonly devices: SimDevice[] = [];
  readonly audit: DutyCycleAudit;
  /** Epoch milliseconds of virtual time 0. */
  readonly startEpochMs: number;
  private readonly byEui = new Map<string, SimDevice>();
  private readonly options: SimulationOptions;
  private readonly deviceGain: number;
  private readonly downRng: Rng;
  private readonly startedAt: number;
  /** Uplinks and deliveries by data rate (index). */
  private readonly byDr: ({ uplinks: number; delivered: number } | undefined)[] = [];
  private readonly airtime: Map<string, number[]> = new Map();
  private transmissions = 0;
  private collisions = 0;
  private downlinksReceived = 0;

  constructor(scenario: Scenario, options: SimulationOptions) {
    this.options = options;
    this.startedAt = (options.now ?? Date.now)();
    this.scenario = scenario;
    if (scenario?.region !== 'eu868') {
      throw new RangeError(`scenario.region: only 'eu868' is supported, got `
        + `'${String(scenario?.region)}'`);
    }
    this.seed = options.seed ?? scenario.seed ?? 1;
    this.hours = options.hours ?? scenario.hours ?? 24;
    if (!(this.hours > 0)) throw new RangeError(`hours: expected a positive number, got `
      + `${this.hours}`);
    const start = Date.parse(scenario.startTime ?? DEFAULT_START);
    if (!Number.isFinite(start)) throw new RangeError(`scenario.startTime: not an ISO 8601 time: `
      + `'${scenario.startTime}'`);
    this.startEpochMs = start;
    this.engine = new Engine({ seed: this.seed });
    const root = this.engine.rng;
    // One stream per purpose, so that changing one part does not reshuffle the others.
    const gwRng = root.fork();
    const devPlaceRng = root.fork();
    const keyRng = root.fork();
    const mediumRng = root.fork();
    const readingRng = root.fork();
    const powerOnRng = root.fork();
    this.downRng = root.fork();

    const area = scenario.area;
    const r = scenario.radio ?? {};
    const pathLoss: PathLossModel = typeof r.pathLoss === 'object' ? r.pathLoss
      : pathLossPreset(r.pathLoss ?? 'hata-urban').model;
    const isolation = isolationPreset(r.capture ?? 'goursaud').matrix;
    this.deviceGain = r.deviceAntennaGainDbi ?? 0;

    checkFleetSize(scenario);
    const g = scenario.gateways;
    const gwPositions = place(g.placement ?? { kind: 'grid' }, g.count, area, gwRng, 'gateways');
    this.gateways = gwPositions.map((position, i) => new Gateway({
      id: `0016c001ff${hex(i + 1, 6)}`,
      position,
      antennaGainDbi: g.antennaGainDbi ?? 3,
      concentrator: g.concentrator ?? 'sx1302',
      dutyCycle: new DutyCycle({ region: this.region, policy: 'credits' }),
    }));
    this.medium = new Medium({ gateways: this.gateways, pathLoss, isolation,
      rng: mediumRng, deviceAntennaGainDbi: this.deviceGain,
      maxTxPowerDbm: this.region.maxEirpDbm, fadingSigmaDb: FADING_SIGMA_DB });

    const net = scenario.network ?? {};
    const netId = parseInt(net.netId ?? '000013', 16);
    this.joinServer = new JoinServer({ netId, rx1DrOffset: 0, rx2Dr: this.region.rx2.dr,
      rxDelayS: 1,
      cfList: { cfListType: 0, frequenciesHz: EU868_CF_LIST_HZ } });
    const channelPlanHz = [...this.region.defaultChannels.map((c) => c.frequencyHz),
      ...EU868_CF_LIST_HZ];
    this.application = new ApplicationServer({
      codecOf: (eui) => this.byEui.get(eui)?.codec,
      keepAll: options.keepReadings === true,
      samplesPerCategory: options.samplesPerCategory ?? 6,
    });
    const installationMarginDb = net.installationMarginDb ?? 10;
    this.networkServer = new NetworkServer({
      scheduler: this.engine,
      region: this.region,
      gateways: this.gateways,
      joinServer: this.joinServer,
      channelPlanHz,
      deduplicationMs: net.deduplicationMs ?? 200,
      adr: net.adr === false ? false : { installationMarginDb },
      sendDownlink: (d) => this.downlink(d),
      onUplink: (u) => {
        const dev = this.byEui.get(u.devEui);
        if (dev) dev.delivered++;
        (this.byDr[u.dr] ??= { uplinks: 0, delivered: 0 }).delivered++;
        this.application.handleUplink(u);
      },
    });
    this.audit = new DutyCycleAudit(this.region.subBands);

    const version = net.lorawanVersion === '1.1' ? '1.1' : '1.0.4';
    const spreadMs = (net.powerOnSpreadMinutes ?? 60) * 60_000;
    const defaultPlacement = scenario.devices.placement;
    let serial = 0;
    for (const group of scenario.devices.groups) {
      const codec = options.resolveCodec(group.codec);
      if (codec === undefined) throw new RangeError(`devices.groups '${group.name}': unknown `
        + `codec '${group.codec}'`);
      if (typeof codec.encodeUplink !== 'function') {
        throw new RangeError(`devices.groups '${group.name}': codec '${group.codec}' has no `
          + `encodeUplink`);
      }
      if (!Number.isInteger(group.count) || group.count < 0) {
        throw new RangeError(`devices.groups '${group.name}'.count: expected an integer >= 0`);
      }
      if (!(group.periodMinutes > 0)) {
        throw new RangeError(`devices.groups '${group.name}'.periodMinutes: expected a positive `
          + `number`);
      }
      const positions = place(group.placement ?? defaultPlacement, group.count, area, devPlaceRng,
        `devices.groups '${group.name}'`);
      for (let i = 0; i < group.count; i++) {
        serial++;
        const name = `${group.name}-${String(i + 1).padStart(4, '0')}`;
        const devEui = `4c6f6972${hex(serial, 8)}`;
        const joinEui = '4c6f697265000001';
        const appKey = randomKey(keyRng);
        const nwkKey = version === '1.1' ? randomKey(keyRng) : undefined;
        this.joinServer.register({ version: version === '1.1' ? '1.1' : '1.0', devEui, joinEui,
          appKey,
          ...(nwkKey ? { nwkKey } : {}) });
        const position = positions[i]!;
        const links = this.medium.linksFor(position);
        const devRng = readingRng.fork();
        const generator = createReadingGenerator(group.reading, devRng, group.periodMinutes, codec);
        const encoded = options.keepReadings ? new Map<string, unknown>() : undefined;
        const audit = this.audit.recorderFor(name);
        const share = group.confirmedShare ?? 0;
        const startEpoch = this.startEpochMs;
        const device = new ClassADevice({
          engine: this.engine,
          region: this.region,
          name,
          lorawanVersion: version,
          activation: { mode: 'otaa', devEui, joinEui, appKey, ...(nwkKey ? { nwkKey } : {}) },
          codec: {
            encodeUplink: (input) => {
              const out = codec.encodeUplink!({ data: input.data, variables: input.variables });
              // TS013 encoders report errors with empty bytes: a reading the codec refuses is
              // a scenario bug, not something to send.
              const errors = (out as { errors?: string[] }).errors;
              if (Array.isArray(errors) && errors.length > 0) {
                throw new RangeError(`devices.groups '${group.name}': ${codec.id} refused a `
                  + `${group.reading} reading: ${errors.join('; ')}`);
              }
              if (encoded) encoded.set(Array.from(out.bytes, (b) => hex(b, 2)).join(''),
                input.data);
              return out;
            },
          },
          schedule: {
            periodMs: group.periodMinutes * 60_000,
            jitterMs: (group.jitterMinutes ?? group.periodMinutes * 0.05) * 60_000,
            data: (index, nowMs) => generator(index, startEpoch + nowMs),
            confirmed: share > 0 ? () => devRng.next() < share : false,
          },
          dr: this.initialDr(net.initialDr ?? 'link', links, installationMarginDb),
          recordTrace: false,
          // The device's own record travels with its frames: no look-up by name per frame.
          radio: { transmit: (tx) => this.transmit(tx, sim, audit) },
        });
        const sim: SimDevice = { name, devEui, group, category: codec.category, codec, position,
          links,
          device, uplinks: 0, delivered: 0, ...(encoded ? { encoded } : {}) };
        this.devices.push(sim);
        this.byEui.set(devEui, sim);
        this.engine.at(powerOnRng.uniform(0, spreadMs), () => device.start());
      }
    }
    for (const b of this.region.subBands) this.airtime.set(b.name,
      new Array(Math.ceil(this.hours)).fill(0));
  }

  /** The fastest LoRa data rate the best gateway hears with the installation margin. */
  private initialDr(setting: number | 'link', links: Links, marginDb: number): number {
    if (typeof setting === 'number') return setting;
    let best = Infinity;
    let gi = -1;
    for (let k = 0; k < links.gateways.length; k++) {
      if (links.lossDb[k]! < best) {
        best = links.lossDb[k]!;
        gi = links.gateways[k]!;
      }
    }
    if (gi < 0) return 0;
    const gw = this.gateways[gi]!;
    const rx = this.region.maxEirpDbm + this.deviceGain + gw.antennaGainDbi - best;
    for (let dr = 5; dr > 0; dr--) {
      const sf = this.region.dataRates[dr]!.sf!;
      const need = Math.max(gw.sensitivityDbm(sf, 125000),
        noiseFloorDbm(125000, gw.noiseFigureDb) + SNR_FLOOR_DB[sf]!);
      if (rx >= need + marginDb) return dr;
    }
    return 0;
  }

  /** Virtual time now, ms. */
  get nowMs(): number {
    return this.engine.nowMs;
  }

  /** Virtual end time, ms. */
  get endMs(): number {
    return this.hours * HOUR_MS;
  }

  /** True once the virtual clock reached the end. */
  get done(): boolean {
    return this.engine.nowMs >= this.endMs;
  }

  /** Runs events up to `untilMs` (capped at the end). */
  advance(untilMs: number): void {
    this.engine.run({ untilMs: Math.min(untilMs, this.endMs) });
  }

  private transmit(tx: Transmission, dev: SimDevice,
    audit: (frequencyHz: number, startMs: number, toaMs: number) => void): void {
    const rate = this.region.dataRates[tx.dr]!;
    this.transmissions++;
    audit(tx.frequencyHz, tx.startMs, tx.toaMs);
    const band = this.subBandOf(tx.frequencyHz);
    if (band) {
      const hourly = this.airtime.get(band.name)!;
      const h = Math.min(hourly.length - 1, Math.floor(tx.startMs / HOUR_MS));
      hourly[h] = hourly[h]! + tx.toaMs;
    }
    if (tx.kind === 'data' && tx.attempt === 1) {
      dev.uplinks++;
      (this.byDr[tx.dr] ??= { uplinks: 0, delivered: 0 }).uplinks++;
    }
    const sf = rate.sf ?? 7;
    const bandwidthHz = rate.bandwidthHz ?? 125000;
    const e = this.medium.begin({ startMs: tx.startMs, toaMs: tx.toaMs,
      frequencyHz: tx.frequencyHz, sf,
      bandwidthHz, txPowerDbm: tx.txPowerDbm, links: dev.links, payload: { tx, dev } });
    this.engine.at(e.endMs, () => {
      const out = this.medium.end(e);
      if (out.lost === 'collision') this.collisions++;
      for (const r of out.receptions) {
        this.networkServer.receive({ phyPayload: tx.phyPayload, gatewayIndex: r.gatewayIndex,
          rssiDbm: r.rssiDbm, snrDb: r.snrDb, frequencyHz: tx.frequencyHz, dr: tx.dr,
            endMs: e.endMs });
        this.options.onReception?.({ gatewayIndex: r.gatewayIndex, gateway: r.gateway,
          timeMs: e.endMs,
          epochMs: this.startEpochMs + e.endMs, frequencyHz: tx.frequencyHz, dr: tx.dr, sf,
            bandwidthHz,
          rssiDbm: r.rssiDbm, snrDb: r.snrDb, phyPayload: tx.phyPayload });
      }
    });
  }

  /** The sub-band holding `frequencyHz`, if any. */
  private subBandOf(frequencyHz: number): Region['subBands'][number] | undefined {
    const bands = this.region.subBands;
    for (let i = 0; i < bands.length; i++) {
      const b = bands[i]!;
      if (frequencyHz >= b.fromHz && frequencyHz < b.toHz) return b;
    }
    return undefined;
  }

  private downlink(d: DownlinkRequest): void {
    this.engine.at(d.atMs, () => {
      const gw = this.gateways[d.gatewayIndex]!;
      this.audit.record(`gateway ${gw.id}`, d.frequencyHz, d.atMs, d.toaMs);
      const dev = this.byEui.get(d.devEui);
      if (dev === undefined) return;
      const k = dev.links.gateways.indexOf(d.gatewayIndex);
      if (k < 0) return;
      const band = this.region.subBands.find((b) => d.frequencyHz >= b.fromHz
        && d.frequencyHz < b.toHz);
      const txPowerDbm = band?.maxErpDbm ?? 14;
      // The link's loss (shadowing included) plus the same per-packet fading as uplinks.
      const fading = FADING_SIGMA_DB * standardNormal(this.downRng);
      const power = txPowerDbm + gw.antennaGainDbi
        + this.deviceGain - dev.links.lossDb[k]! - fading;
      const rate = this.region.dataRates[d.dr]!;
      const sf = rate.sf ?? 12;
      const bw = rate.bandwidthHz ?? 125000;
      // The device's SX1276-class receiver, noise figure 6 dB.
      const snrDb = power - noiseFloorDbm(bw, 6);
      if (power < sensitivityDbm(RECEIVER_PRESETS.sx1276!.sensitivityDbm, sf, bw)) return;
      if (snrDb < SNR_FLOOR_DB[sf]!) return;
      if (dev.device.receive(d.phyPayload, d.window, { frequencyHz: d.frequencyHz, dr: d.dr,
        snrDb })) {
        this.downlinksReceived++;
      }
    });
  }

  /** Runs to the end (if not there yet) and gathers the summary and report data. */
  finish(): SimulationReport {
    this.advance(this.endMs);
    const ns = this.networkServer.stats;
    const byDataRate: Record<string, DeliveryCount> = {};
    this.byDr.forEach((c, dr) => {
      if (c === undefined) return;
      byDataRate[dr] = { uplinks: c.uplinks, delivered: c.delivered, pdr: c.uplinks
        ? c.delivered / c.uplinks : 0 };
    });
    const byCategory: SimulationSummary['byCategory'] = {};
    let uplinks = 0;
    let delivered = 0;
    let deferrals = 0;
    let joinRequests = 0;
    let joins = 0;
    let neverJoined = 0;
    for (const d of this.devices) {
      if (d.device.stats.joins === 0) neverJoined++;
      const c = (byCategory[d.category] ??= { devices: 0, uplinks: 0, delivered: 0, pdr: 0 });
      c.devices++;
      c.uplinks += d.uplinks;
      c.delivered += d.delivered;
      uplinks += d.uplinks;
      delivered += d.delivered;
      for (const w of d.device.waits) if (w.reason === 'duty-cycle') deferrals++;
      joinRequests += d.device.stats.joinRequests;
      joins += d.device.stats.joins;
    }
    for (const c of Object.values(byCategory)) c.pdr = c.uplinks ? c.delivered / c.uplinks : 0;
    const airtimeBySubBand: SubBandAirtime[] = this.region.subBands.map((b) => {
      const hourlyMs = this.airtime.get(b.name)!;
      return { subBand: `${b.name} MHz`, dutyCycle: b.dutyCycle,
        airtimeMs: hourlyMs.reduce((a, x) => a + x, 0), hourlyMs };
    });
    const m = this.medium.stats.lost;
    const summary: SimulationSummary = {
      scenario: this.scenario.name,
      seed: this.seed,
      hours: this.hours,
      devices: this.devices.length,
      gateways: this.gateways.length,
      uplinks,
      delivered,
      pdr: uplinks ? delivered / uplinks : 0,
      transmissions: this.transmissions,
      byDataRate,
      byCategory,
      lost: { outOfRange: m['out-of-range'], collision: m.collision, demodulators: m.demodulators,
        halfDuplex: m['half-duplex'] },
      collisions: this.collisions,
      duplicatesMerged: ns.duplicates,
      refused: { mic: ns.micFailures, replay: ns.replays, unknownDevice: ns.unknownDevice },
      dutyCycleDeferrals: deferrals,
      dutyCycleViolations: this.audit.violations,
      joins: { requests: joinRequests, accepted: joins,
        devNonceRefused: this.joinServer.stats.devNonceRefused, neverJoined },
      downlinks: { sent: ns.downlinks, rx1: ns.rx1, rx2: ns.rx2,
        refusedDutyCycle: ns.downlinkRefused,
        acks: ns.acks, linkAdrReq: ns.linkAdrReq, receivedByDevices: this.downlinksReceived },
      gatewayLoad: this.gateways.map((g) => ({ id: g.id, xM: g.position.xM, yM: g.position.yM,
        received: g.stats.received, lostCollision: g.stats.lostCollision,
        lostDemodulators: g.stats.lostDemodulators, lostHalfDuplex: g.stats.lostHalfDuplex,
        downlinks: g.stats.downlinks, downlinksRefused: g.stats.downlinksRefused,
        downlinkAirtimeMs: g.stats.downlinkAirtimeMs })),
      airtimeBySubBand,
      decoded: this.application.stats.decoded,
      decodeErrors: this.application.stats.errors,
      elapsedMs: (this.options.now ?? Date.now)() - this.startedAt,
    };
    const samples: SimulationReport['samples'] = {};
    for (const [cat, list] of Object.entries(this.application.samples)) {
      samples[cat] = list.map((x) => ({ device: this.byEui.get(x.devEui)?.name ?? x.devEui,
        codec: x.codec,
        timeMs: x.timeMs, fPort: x.fPort, data: x.data, ...(x.harmonised !== undefined
          ? { harmonised: x.harmonised } : {}) }));
    }
    return {
      summary,
      area: this.scenario.area,
      devicePoints: this.devices.map((d) => ({ xM: d.position.xM, yM: d.position.yM,
        category: d.category,
        uplinks: d.uplinks, delivered: d.delivered })),
      samples,
    };
  }
}

/**
 * Runs a scenario to the end.
 *
 * @throws {RangeError} for a scenario that names an unknown codec, generator or preset
 * @example runScenario(metropole, { resolveCodec: getCodec, hours: 1 }).summary.pdr
 */
export function runScenario(scenario: Scenario, options: SimulationOptions): SimulationReport {
  return new Simulation(scenario, options).finish();
}
