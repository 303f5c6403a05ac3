/**
 * One simulated gateway speaking as a Semtech UDP packet forwarder (protocol v2): it pushes
 * `rxpk` and `stat` in PUSH_DATA, keeps its downlink path open with PULL_DATA, and answers each
 * PULL_RESP with a TX_ACK. Sockets stay outside: the caller gives a `send` function and feeds
 * received datagrams to {@link PacketForwarder.handle}.
 */
import { decodeSemtechPacket, encodeSemtechPacket, type Rxpk } from './semtech-udp.js';

/** Options of {@link PacketForwarder}. */
export interface PacketForwarderOptions {
  /** Gateway EUI, 16 hex digits. */
  gatewayEui: string;
  /** Sends one datagram to the network server. */
  send(datagram: Uint8Array): void;
  /** Called with each `txpk` of a PULL_RESP (after the TX_ACK is sent). */
  onTxpk?(txpk: Record<string, unknown>): void;
  /** First token (default 0); tokens then count up, wrapping at 16 bits. */
  firstToken?: number;
}

/** Counters of one forwarder. */
export interface PacketForwarderStats {
  pushData: number;
  pushAck: number;
  pullData: number;
  pullAck: number;
  pullResp: number;
  txAck: number;
  rxpk: number;
  /** Datagrams that did not decode or were not for a forwarder. */
  ignored: number;
}

/**
 * A packet forwarder.
 *
 * @example
 * ```ts
 * const fwd = new PacketForwarder({ gatewayEui, send: (b) => socket.send(b, 1700, '127.0.0.1') });
 * fwd.pullData();
 * fwd.pushRxpk([buildRxpk({ ... })]);
 * socket.on('message', (m) => fwd.handle(new Uint8Array(m)));
 * ```
 */
export class PacketForwarder {
  readonly gatewayEui: string;
  readonly stats: PacketForwarderStats = {
    pushData: 0, pushAck: 0, pullData: 0, pullAck: 0, pullResp: 0, txAck: 0, rxpk: 0, ignored: 0,
  };
  private readonly sendDatagram: (datagram: Uint8Array) => void;
  private readonly onTxpk: ((txpk: Record<string, unknown>) => void) | undefined;
  private token: number;

  constructor(options: PacketForwarderOptions) {
    this.gatewayEui = options.gatewayEui.toLowerCase();
    this.sendDatagram = options.send;
    this.onTxpk = options.onTxpk;
    this.token = (options.firstToken ?? 0) & 0xffff;
  }

  private nextToken(): number {
    const t = this.token;
    this.token = (this.token + 1) & 0xffff;
    return t;
  }

  /** Sends PUSH_DATA with received packets (PROTOCOL.TXT §3-§4). */
  pushRxpk(rxpk: Rxpk[]): void {
    if (rxpk.length === 0) return;
    this.sendDatagram(encodeSemtechPacket({
      version: 2, type: 'PUSH_DATA', token: this.nextToken(), gatewayEui: this.gatewayEui,
      json: { rxpk },
    }));
    this.stats.pushData++;
    this.stats.rxpk += rxpk.length;
  }

  /** Sends PUSH_DATA with a `stat` object (PROTOCOL.TXT §4). */
  pushStat(stat: Record<string, unknown>): void {
    this.sendDatagram(encodeSemtechPacket({
      version: 2, type: 'PUSH_DATA', token: this.nextToken(), gatewayEui: this.gatewayEui,
      json: { stat },
    }));
    this.stats.pushData++;
  }

  /** Sends a PULL_DATA keep-alive that opens the downlink path (PROTOCOL.TXT §5). */
  pullData(): void {
    this.sendDatagram(encodeSemtechPacket({
      version: 2, type: 'PULL_DATA', token: this.nextToken(), gatewayEui: this.gatewayEui,
    }));
    this.stats.pullData++;
  }

  /**
   * Handles a datagram from the server: counts acknowledgements, and answers a PULL_RESP with
   * a TX_ACK carrying the same token and `{"txpk_ack":{"error":"NONE"}}` (PROTOCOL.TXT §6).
   *
   * @returns the datagram's type, or undefined when it was ignored
   */
  handle(datagram: Uint8Array): string | undefined {
    let p;
    try {
      p = decodeSemtechPacket(datagram);
    } catch {
      this.stats.ignored++;
      return undefined;
    }
    switch (p.type) {
      case 'PUSH_ACK':
        this.stats.pushAck++;
        break;
      case 'PULL_ACK':
        this.stats.pullAck++;
        break;
      case 'PULL_RESP': {
        const txpk = p.json?.txpk;
        if (txpk === null || typeof txpk !== 'object') {
          // A PULL_RESP without a txpk object is malformed; a forwarder drops it.
          this.stats.ignored++;
          return undefined;
        }
        this.stats.pullResp++;
        this.sendDatagram(encodeSemtechPacket({
          version: 2, type: 'TX_ACK', token: p.token, gatewayEui: this.gatewayEui,
          json: { txpk_ack: { error: 'NONE' } },
        }));
        this.stats.txAck++;
        this.onTxpk?.(txpk as Record<string, unknown>);
        break;
      }
      default:
        this.stats.ignored++;
        return undefined;
    }
    return p.type;
  }
}
