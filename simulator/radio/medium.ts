/**
 * The shared radio medium: which gateways hear an uplink, at what power and SNR, and whether it
 * survives demodulator limits, half-duplex gateways and interference from the other packets on
 * its channel. The caller (the scenario runner) calls {@link Medium.begin} when a packet starts
 * and {@link Medium.end} when it ends; the medium keeps no clock of its own.
 *
 * Model (as in the ns-3 lorawan module, Magrin et al. 2017): per-link path loss, the model's
 * median plus a shadowing draw made once per link (obstacles do not move), plus a small
 * per-packet fading draw; a gateway locks a demodulation path at the start of a packet above
 * its sensitivity and SNR floor, if it has one free and is not transmitting; at the end the
 * packet survives if the gateway did not transmit meanwhile and the isolation matrix accepts the
 * interference energy of overlapping packets on the same frequency. Adjacent-channel
 * interference is not modelled.
 */
import type { Gateway } from '../gateway/gateway.js';
import { distanceM, type Position, type UniformSource } from './geo.js';
import type { IsolationMatrix } from './isolation.js';
import { destroyingSf, type Interferer } from './isolation.js';
import { distanceForLossM, pathLossDb, standardNormal, type PathLossModel } from './path-loss.js';
import { noiseFloorDbm, SNR_FLOOR_DB } from './sensitivity.js';

/** Options of {@link Medium}. */
export interface MediumOptions {
  gateways: readonly Gateway[];
  pathLoss: PathLossModel;
  isolation: IsolationMatrix;
  /** Shadowing draws. */
  rng: UniformSource;
  /** Device antenna gain in dBi (default 0). */
  deviceAntennaGainDbi?: number;
  /** Highest device transmit power, to bound the search for gateways in range (default 16). */
  maxTxPowerDbm?: number;
  /**
   * Standard deviation in dB of the per-packet variation around a link's loss (default 1).
   * Shadowing itself (the model's sigma) is drawn once per link.
   */
  fadingSigmaDb?: number;
}

/** The gateways within range of one position, with their path losses (shadowing included). */
export interface Links {
  gateways: Int32Array;
  lossDb: Float64Array;
}

/** One uplink on the air. */
export interface Emission<T> {
  startMs: number;
  endMs: number;
  frequencyHz: number;
  sf: number;
  bandwidthHz: number;
  links: Links;
  /** Received power at each linked gateway, shadowing included. */
  powerDbm: number[];
  /**
   * Per linked gateway: 0 not demodulated, 1 a path locked, 2 heard while transmitting,
   * 3 no path free.
   */
  locked: number[];
  /** What the caller attached (the frame, the device). */
  payload: T;
}

/** A gateway that received a packet intact. */
export interface Reception {
  gateway: Gateway;
  gatewayIndex: number;
  rssiDbm: number;
  snrDb: number;
}

/** Why an uplink reached no gateway. */
export type LossReason = 'out-of-range' | 'collision' | 'demodulators' | 'half-duplex';

/** The fate of one uplink. */
export interface Outcome {
  receptions: Reception[];
  /** Set when no gateway received it: the most telling reason among the gateways. */
  lost?: LossReason;
}

/** Counters of the medium. */
export interface MediumStats {
  emissions: number;
  delivered: number;
  lost: Record<LossReason, number>;
}

// Receptions last at most a few seconds; anything that started this long before a packet's end
// cannot overlap it (a 255-byte SF12 packet lasts under 10 s).
const HORIZON_MS = 30_000;

const NO_INTERFERERS: readonly Interferer[] = Object.freeze([]);

const TEMPLATE_LENGTH = 64;
// Never handed out or written: only sliced.
const DOUBLES: number[] = Array.from({ length: TEMPLATE_LENGTH }, () => 0.5);
const ZEROS: number[] = Array.from({ length: TEMPLATE_LENGTH }, () => 0);

/**
 * The radio medium shared by the devices and gateways of a scenario.
 *
 * @example
 * ```ts
 * const medium = new Medium({ gateways, pathLoss, isolation, rng });
 * const e = medium.begin({ startMs, toaMs, frequencyHz, sf: 7, bandwidthHz: 125000,
 *   txPowerDbm: 14, links: medium.linksFor(position), payload: frame });
 * // ... at startMs + toaMs:
 * const { receptions } = medium.end(e);
 * ```
 */
export class Medium<T = unknown> {
  readonly gateways: readonly Gateway[];
  readonly stats: MediumStats = {
    emissions: 0, delivered: 0,
    lost: { 'out-of-range': 0, collision: 0, demodulators: 0, 'half-duplex': 0 },
  };
  private readonly pathLoss: PathLossModel;
  private readonly isolation: IsolationMatrix;
  private readonly rng: UniformSource;
  private readonly deviceGain: number;
  private readonly fadingSigmaDb: number;
  private readonly rangeM: number;
  private readonly cellM: number;
  private readonly grid = new Map<string, number[]>();
  private readonly maxLossDb: number;
  /** Recent emissions per frequency, in start order. */
  private readonly air = new Map<number, { list: (Emission<T> | undefined)[]; head: number }>();

  constructor(options: MediumOptions) {
    this.gateways = options.gateways;
    this.pathLoss = options.pathLoss;
    this.isolation = options.isolation;
    this.rng = options.rng;
    this.deviceGain = options.deviceAntennaGainDbi ?? 0;
    this.fadingSigmaDb = options.fadingSigmaDb ?? 1;
    if (!(this.fadingSigmaDb >= 0)) {
      throw new RangeError(`fadingSigmaDb: expected a number >= 0, got ${this.fadingSigmaDb}`);
    }
    let bestGain = 0;
    let floorDbm = 0;
    for (const g of this.gateways) {
      bestGain = Math.max(bestGain, g.antennaGainDbi);
      // The weakest packet any gateway can take: SF12 sensitivity or SNR floor, the higher.
      const sf12 = Math.max(g.sensitivityDbm(12, 125000),
        noiseFloorDbm(125000, g.noiseFigureDb) + SNR_FLOOR_DB[12]!);
      floorDbm = Math.min(floorDbm, sf12);
    }
    // A link is kept when its median could reach that floor with two standard deviations of
    // shadowing and three of fading. Packets on links beyond it are neither received nor
    // counted as interference: they arrive below the floor, where only a wanted packet itself
    // within 6 dB of the floor could be hurt by them (a stated approximation).
    this.maxLossDb = (options.maxTxPowerDbm ?? 16) + this.deviceGain + bestGain - floorDbm
      + 2 * this.pathLoss.sigmaDb + 3 * this.fadingSigmaDb;
    this.rangeM = distanceForLossM(this.pathLoss, this.maxLossDb);
    this.cellM = Math.max(this.rangeM, 1);
    this.gateways.forEach((g, i) => {
      const key = this.cellKey(Math.floor(g.position.xM / this.cellM),
        Math.floor(g.position.yM / this.cellM));
      const cell = this.grid.get(key);
      if (cell) cell.push(i);
      else this.grid.set(key, [i]);
    });
  }

  /** The largest distance at which a gateway is considered, in metres. */
  get linkRangeM(): number {
    return this.rangeM;
  }

  private cellKey(cx: number, cy: number): string {
    return `${cx},${cy}`;
  }

  /**
   * The gateways in range of `position` and their path losses, each the model's median plus
   * one shadowing draw. Compute once per device: each call draws new shadowing.
   */
  linksFor(position: Position, frequencyHz = 868e6): Links {
    const sigma = this.pathLoss.sigmaDb;
    const cx = Math.floor(position.xM / this.cellM);
    const cy = Math.floor(position.yM / this.cellM);
    const ids: number[] = [];
    const losses: number[] = [];
    for (let dx = -1; dx <= 1; dx++) {
      for (let dy = -1; dy <= 1; dy++) {
        const cell = this.grid.get(this.cellKey(cx + dx, cy + dy));
        if (!cell) continue;
        for (const i of cell) {
          const g = this.gateways[i]!;
          const median = pathLossDb(this.pathLoss, distanceM(position, g.position), frequencyHz);
          if (median > this.maxLossDb) continue;
          const loss = median + (sigma > 0 ? sigma * standardNormal(this.rng) : 0);
          if (loss <= this.maxLossDb) {
            ids.push(i);
            losses.push(loss);
          }
        }
      }
    }
    return { gateways: Int32Array.from(ids), lossDb: Float64Array.from(losses) };
  }

  /**
   * A packet starts: draws its received power at each linked gateway (link loss plus fading)
   * and locks demodulation paths where it can be received.
   */
  begin(packet: {
    startMs: number; toaMs: number; frequencyHz: number; sf: number; bandwidthHz: number;
    txPowerDbm: number; links: Links; payload: T;
  }): Emission<T> {
    const { links } = packet;
    const n = links.gateways.length;
    // Plain arrays: cheaper than typed arrays at these sizes, and short-lived. Sliced from
    // templates, they start with their final element kinds (doubles, small integers) instead
    // of being copied over when the first double is stored.
    const powerDbm: number[] = n <= TEMPLATE_LENGTH ? DOUBLES.slice(0, n) : new Array<number>(n);
    const locked: number[] = n <= TEMPLATE_LENGTH ? ZEROS.slice(0, n)
      : new Array<number>(n).fill(0);
    const sigma = this.fadingSigmaDb;
    const gain = packet.txPowerDbm + this.deviceGain;
    for (let k = 0; k < n; k++) {
      const g = this.gateways[links.gateways[k]!]!;
      const floor = g.receiveFloorDbm(packet.sf, packet.bandwidthHz);
      const median = gain + g.antennaGainDbi - links.lossDb[k]!;
      // Fading is drawn only where it can matter: well below the floor the packet is neither
      // received nor a noticeable interferer, and its median power is kept.
      const p = sigma > 0 && median > floor - 3 * sigma - 6
        ? median - sigma * standardNormal(this.rng) : median;
      powerDbm[k] = p;
      if (p < floor) continue;
      if (g.transmittingDuring(packet.startMs, packet.startMs + 1e-3)) {
        g.stats.lostHalfDuplex++;
        locked[k] = 2; // heard while deaf
        continue;
      }
      if (g.busyPaths >= g.demodulators) {
        g.stats.lostDemodulators++;
        locked[k] = 3; // no path free
        continue;
      }
      g.busyPaths++;
      locked[k] = 1;
    }
    const e: Emission<T> = {
      startMs: packet.startMs,
      endMs: packet.startMs + packet.toaMs,
      frequencyHz: packet.frequencyHz,
      sf: packet.sf,
      bandwidthHz: packet.bandwidthHz,
      links,
      powerDbm,
      locked,
      payload: packet.payload,
    };
    let channel = this.air.get(packet.frequencyHz);
    if (!channel) {
      channel = { list: [], head: 0 };
      this.air.set(packet.frequencyHz, channel);
    }
    // Drop each expired emission's slot as the cursor passes it: a slot kept until the next
    // compaction held the emission (its frame, its power arrays) for half an hour of virtual
    // time, long enough for the garbage collector to promote it to the old generation.
    while (channel.head < channel.list.length
      && channel.list[channel.head]!.startMs < packet.startMs - HORIZON_MS) {
      channel.list[channel.head++] = undefined;
    }
    if (channel.head > 1024 && channel.head * 2 > channel.list.length) {
      channel.list = channel.list.slice(channel.head);
      channel.head = 0;
    }
    channel.list.push(e);
    this.stats.emissions++;
    return e;
  }

  /** A packet ends: releases its demodulation paths and decides where it was received. */
  end(e: Emission<T>): Outcome {
    const receptions: Reception[] = [];
    const { links } = e;
    const channel = this.air.get(e.frequencyHz)!;
    let sawHalfDuplex = false;
    let sawDemod = false;
    let sawCollision = false;
    for (let k = 0; k < links.gateways.length; k++) {
      const state = e.locked[k];
      if (state === 2) sawHalfDuplex = true;
      if (state === 3) sawDemod = true;
      if (state !== 1) continue;
      const gi = links.gateways[k]!;
      const g = this.gateways[gi]!;
      g.busyPaths--;
      if (g.transmittingDuring(e.startMs, e.endMs)) {
        g.stats.lostHalfDuplex++;
        sawHalfDuplex = true;
        continue;
      }
      const interferers = this.interferersAt(channel, e, gi);
      const power = e.powerDbm[k]!;
      if (destroyingSf(this.isolation, e.sf, power, e.endMs - e.startMs,
        interferers) !== undefined) {
        g.stats.lostCollision++;
        sawCollision = true;
        continue;
      }
      g.stats.received++;
      const snrDb = power - (e.bandwidthHz === 125000 ? g.noiseFloor125Dbm
        : noiseFloorDbm(e.bandwidthHz, g.noiseFigureDb));
      receptions.push({ gateway: g, gatewayIndex: gi, rssiDbm: power, snrDb });
    }
    const outcome: Outcome = { receptions };
    if (receptions.length > 0) this.stats.delivered++;
    else {
      outcome.lost = sawCollision ? 'collision' : sawDemod ? 'demodulators'
        : sawHalfDuplex ? 'half-duplex' : 'out-of-range';
      this.stats.lost[outcome.lost]++;
    }
    return outcome;
  }

  private interferersAt(
    channel: { list: (Emission<T> | undefined)[]; head: number },
    e: Emission<T>,
    gatewayIndex: number,
  ): readonly Interferer[] {
    // Most packets overlap nothing: the shared empty list then spares an array per gateway.
    let out: Interferer[] | undefined;
    for (let i = channel.head; i < channel.list.length; i++) {
      const o = channel.list[i]!;
      if (o === e || o.endMs <= e.startMs || o.startMs >= e.endMs) continue;
      const k = o.links.gateways.indexOf(gatewayIndex);
      if (k < 0) continue;
      const overlapMs = Math.min(o.endMs, e.endMs) - Math.max(o.startMs, e.startMs);
      (out ??= []).push({ sf: o.sf, powerDbm: o.powerDbm[k]!, overlapMs });
    }
    return out ?? NO_INTERFERERS;
  }
}
