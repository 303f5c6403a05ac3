/**
 * `--forward udp://HOST:PORT`: one UDP socket per simulated gateway, each a Semtech packet
 * forwarder (simulator/forwarder). Only loopback destinations are allowed unless the user
 * passes `--allow-remote`, so that a default or a typo never floods a real server.
 */
import { createSocket, type Socket } from 'node:dgram';
import { isIP } from 'node:net';
import { PacketForwarder } from '../simulator/forwarder/packet-forwarder.js';
import { buildRxpk } from '../simulator/forwarder/semtech-udp.js';
import type { ReceptionEvent } from '../simulator/scenario/run.js';
import { UsageError } from './args.js';

/** A parsed `udp://host:port`. */
export interface UdpTarget {
  host: string;
  port: number;
  family: 4 | 6;
}

/** True for 127.0.0.0/8, ::1 (and its IPv4-mapped form) and `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (h === 'localhost') return true;
  if (isIP(h) === 4) return h.startsWith('127.');
  if (isIP(h) === 6) return h === '::1' || h === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(h);
  return false;
}

/**
 * Parses `udp://HOST:PORT` and refuses a non-loopback host without `allowRemote`.
 *
 * @throws {UsageError} for a malformed URL or a remote host not allowed
 */
export function parseForwardUrl(url: string, allowRemote: boolean): UdpTarget {
  const m = /^udp:\/\/(\[[^\]]+\]|[^:/]+):(\d{1,5})\/?$/.exec(url.trim());
  if (!m) throw new UsageError(`--forward: expected udp://HOST:PORT, got '${url}'`);
  const host = m[1]!.replace(/^\[|\]$/g, '');
  const port = Number(m[2]);
  if (port < 1
    || port > 65535) throw new UsageError(`--forward: port must be 1 to 65535, got ${port}`);
  if (!isLoopbackHost(host) && !allowRemote) {
    throw new UsageError(`--forward: ${host} is not a loopback address (127.0.0.0/8, ::1, `
      + `localhost);`
      + ' pass --allow-remote to send simulated traffic to another host', 'REMOTE_REFUSED');
  }
  const family = isIP(host) === 6 ? 6 : 4;
  return { host: host === 'localhost' ? (family === 6 ? '::1' : '127.0.0.1') : host, port, family };
}

/** The forwarders of all gateways and their sockets. */
export class UdpForwarders {
  readonly forwarders: PacketForwarder[] = [];
  private readonly sockets: Socket[] = [];
  private readonly counterOffsetUs: number[] = [];

  constructor(target: UdpTarget, gatewayEuis: readonly string[], seed: number) {
    gatewayEuis.forEach((eui, i) => {
      const socket = createSocket(target.family === 6 ? 'udp6' : 'udp4');
      const fwd = new PacketForwarder({
        gatewayEui: eui,
        send: (b) => socket.send(b, target.port, target.host),
        firstToken: (seed * 7919 + i * 104729) & 0xffff,
      });
      socket.on('message', (m) => fwd.handle(new Uint8Array(m.buffer, m.byteOffset, m.length)));
      // A send error (nobody listening) must not end the run; the counters show it.
      socket.on('error', () => undefined);
      this.sockets.push(socket);
      this.forwarders.push(fwd);
      // Concentrator counters start anywhere: offset each gateway's tmst.
      this.counterOffsetUs.push(((seed + 1) * 2654435761 * (i + 1)) % 2 ** 32);
    });
  }

  /** Pushes one reception as an rxpk from its gateway. */
  push(r: ReceptionEvent): void {
    const fwd = this.forwarders[r.gatewayIndex];
    if (!fwd) return;
    fwd.pushRxpk([buildRxpk({ epochMs: r.epochMs,
      counterUs: this.counterOffsetUs[r.gatewayIndex]! + r.timeMs * 1000,
      frequencyHz: r.frequencyHz, sf: r.sf, bandwidthHz: r.bandwidthHz, rssiDbm: r.rssiDbm,
        snrDb: r.snrDb,
      phyPayload: r.phyPayload })]);
  }

  private lastRxpk: number[] = [];

  /**
   * A `stat` PUSH_DATA from every gateway (PROTOCOL.TXT §4: time as "YYYY-MM-DD HH:MM:SS GMT",
   * packets received, with a valid CRC and forwarded since the last stat, the share of
   * PUSH_DATA acknowledged, downlinks received and emitted).
   */
  stat(epochMs: number): void {
    const time = new Date(epochMs).toISOString().replace('T', ' ').slice(0, 19) + ' GMT';
    this.forwarders.forEach((f, i) => {
      const n = f.stats.rxpk - (this.lastRxpk[i] ?? 0);
      this.lastRxpk[i] = f.stats.rxpk;
      const ackr = f.stats.pushData > 0
        ? Math.round((1000 * f.stats.pushAck) / f.stats.pushData) / 10 : 0;
      f.pushStat({ time, rxnb: n, rxok: n, rxfw: n, ackr, dwnb: f.stats.pullResp,
        txnb: f.stats.txAck });
    });
  }

  /** PULL_DATA from every gateway. */
  keepAlive(): void {
    for (const f of this.forwarders) f.pullData();
  }

  /** Totals of every forwarder's counters. */
  totals(): Record<string, number> {
    const t: Record<string, number> = {};
    for (const f of this.forwarders) {
      for (const [k, v] of Object.entries(f.stats)) t[k] = (t[k] ?? 0) + v;
    }
    return t;
  }

  /** Closes every socket. */
  close(): void {
    for (const s of this.sockets) s.close();
  }
}
