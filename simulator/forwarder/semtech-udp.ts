/**
 * The Semtech UDP packet-forwarder protocol, version 2 (Semtech, "LoRa packet forwarder",
 * PROTOCOL.TXT, lora_gateway/packet_forwarder v2+): datagrams as bytes, and the JSON objects
 * they carry (`rxpk`, `stat`, `txpk`, `txpk_ack`). No sockets here: the CLI sends the bytes.
 *
 * Every datagram starts with the protocol version (2), a 2-byte random token and an identifier;
 * upstream ones then carry the gateway EUI (8 bytes) and JSON. §3-§5 of PROTOCOL.TXT.
 */
import { LoireError } from '../../src/errors.js';
import { bytesToBase64 } from '../../src/bytes/hex.js';

/** Protocol version written in byte 0. */
export const SEMTECH_PROTOCOL_VERSION = 2;

/** Datagram identifiers (PROTOCOL.TXT §3-§6). */
export const SemtechId = {
  PUSH_DATA: 0x00,
  PUSH_ACK: 0x01,
  PULL_DATA: 0x02,
  PULL_RESP: 0x03,
  PULL_ACK: 0x04,
  TX_ACK: 0x05,
} as const;

/** One of {@link SemtechId}'s names. */
export type SemtechType = keyof typeof SemtechId;

/** A decoded datagram. */
export interface SemtechPacket {
  version: number;
  token: number;
  type: SemtechType;
  /** Upstream datagrams (PUSH_DATA, PULL_DATA, TX_ACK): gateway EUI, 16 hex digits. */
  gatewayEui?: string;
  /** The JSON body, parsed (PUSH_DATA, PULL_RESP, TX_ACK when present). */
  json?: Record<string, unknown>;
}

/** A received packet as a forwarder reports it (PROTOCOL.TXT §4, `rxpk`). */
export interface Rxpk {
  /** UTC time of reception, ISO 8601 compact, microseconds. */
  time: string;
  /** Concentrator internal counter in microseconds, wrapping at 2^32. */
  tmst: number;
  chan: number;
  rfch: number;
  /** Frequency in MHz. */
  freq: number;
  /** 1: CRC OK. */
  stat: number;
  modu: 'LORA';
  /** Data rate identifier, such as `SF7BW125`. */
  datr: string;
  /** ECC coding rate, such as `4/5`. */
  codr: string;
  /** RSSI in dBm, integer. */
  rssi: number;
  /** SNR in dB, 0.1 precision. */
  lsnr: number;
  /** Payload size in bytes. */
  size: number;
  /** PHYPayload, base64. */
  data: string;
}

function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // JSON.stringify escapes nothing above 0x7f by itself; loire's JSON is ASCII anyway.
    if (c > 0x7f) throw new RangeError(`json: non-ASCII character at ${i}; escape it first`);
    out[i] = c;
  }
  return out;
}

function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(/[\u0080-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function euiBytes(eui: string): Uint8Array {
  if (!/^[0-9a-fA-F]{16}$/.test(eui)) throw new TypeError(`gatewayEui: expected 16 hex digits, `
    + `got '${eui}'`);
  const out = new Uint8Array(8);
  for (let i = 0; i < 8; i++) out[i] = parseInt(eui.slice(2 * i, 2 * i + 2), 16);
  return out;
}

function header(token: number, id: number, eui?: string): Uint8Array {
  if (!Number.isInteger(token) || token < 0 || token > 0xffff) {
    throw new RangeError(`token: expected 0 to 65535, got ${token}`);
  }
  const out = new Uint8Array(eui === undefined ? 4 : 12);
  out[0] = SEMTECH_PROTOCOL_VERSION;
  out[1] = token >> 8;
  out[2] = token & 0xff;
  out[3] = id;
  if (eui !== undefined) out.set(euiBytes(eui), 4);
  return out;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/**
 * Encodes a datagram.
 *
 * @param packet type, token, gateway EUI for upstream types, JSON body where the type has one
 * @returns the datagram bytes
 * @throws {TypeError} when an upstream type lacks its gateway EUI
 * @example encodeSemtechPacket({ version: 2, type: 'PULL_DATA', token: 1, gatewayEui:
 * '0016c001ff000001' })
 */
export function encodeSemtechPacket(packet: SemtechPacket): Uint8Array {
  const id = SemtechId[packet.type];
  if (id === undefined) throw new RangeError(`type: unknown datagram type `
    + `'${String(packet.type)}'`);
  const upstream = packet.type === 'PUSH_DATA' || packet.type === 'PULL_DATA'
    || packet.type === 'TX_ACK';
  if (upstream && packet.gatewayEui === undefined) {
    throw new TypeError(`gatewayEui: required for ${packet.type}`);
  }
  const head = header(packet.token, id, upstream ? packet.gatewayEui : undefined);
  if (packet.json === undefined) return head;
  return concat(head, ascii(asciiJson(packet.json)));
}

/**
 * Decodes a datagram.
 *
 * @throws {LoireError} `TRUNCATED` for a datagram shorter than its header, `UNSUPPORTED` for a
 *   version other than 1 or 2, `INVALID_VALUE` for an unknown identifier or a body that is not
 *   a JSON object
 */
export function decodeSemtechPacket(bytes: Uint8Array): SemtechPacket {
  if (!(bytes instanceof Uint8Array)) throw new TypeError('bytes: expected a Uint8Array');
  if (bytes.length < 4) {
    throw new LoireError('TRUNCATED', `Semtech UDP: ${bytes.length} bytes, header needs 4`,
      { offset: bytes.length });
  }
  const version = bytes[0]!;
  if (version !== 1 && version !== 2) {
    throw new LoireError('UNSUPPORTED', `Semtech UDP: protocol version ${version}`, { offset: 0,
      field: 'version' });
  }
  const token = (bytes[1]! << 8) | bytes[2]!;
  const type = (Object.keys(SemtechId) as SemtechType[]).find((k) => SemtechId[k] === bytes[3]);
  if (type === undefined) {
    throw new LoireError('INVALID_VALUE',
      `Semtech UDP: unknown identifier 0x${bytes[3]!.toString(16)}`,
      { offset: 3, field: 'identifier' });
  }
  const out: SemtechPacket = { version, token, type };
  let offset = 4;
  if (type === 'PUSH_DATA' || type === 'PULL_DATA' || type === 'TX_ACK') {
    if (bytes.length < 12) {
      throw new LoireError('TRUNCATED',
        `Semtech UDP ${type}: ${bytes.length} bytes, needs 12 with the EUI`,
        { offset: bytes.length, field: 'gatewayEui' });
    }
    let eui = '';
    for (let i = 4; i < 12; i++) eui += bytes[i]!.toString(16).padStart(2, '0');
    out.gatewayEui = eui;
    offset = 12;
  }
  if (bytes.length > offset) {
    let text = '';
    for (let i = offset; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
    // Some forwarders end the JSON with a NUL byte.
    text = text.replace(/\0+$/, '');
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new LoireError('INVALID_VALUE', `Semtech UDP ${type}: body is not JSON`, { offset,
        field: 'json' });
    }
    if (json === null || typeof json !== 'object' || Array.isArray(json)) {
      throw new LoireError('INVALID_VALUE', `Semtech UDP ${type}: body is not a JSON object`,
        { offset, field: 'json' });
    }
    out.json = json as Record<string, unknown>;
  }
  return out;
}

/**
 * The `datr` string of a LoRa data rate (PROTOCOL.TXT §4: "SF" spreading factor "BW" kHz).
 *
 * @example loraDatr(7, 125000) // 'SF7BW125'
 */
export function loraDatr(sf: number, bandwidthHz: number): string {
  return `SF${sf}BW${Math.round(bandwidthHz / 1000)}`;
}

/**
 * A UTC time in the compact ISO 8601 form of `rxpk.time`, with microseconds.
 *
 * @example rxpkTime(Date.UTC(2026, 0, 1)) // '2026-01-01T00:00:00.000000Z'
 */
export function rxpkTime(epochMs: number): string {
  const iso = new Date(Math.floor(epochMs)).toISOString(); // ...T00:00:00.000Z
  const micros = Math.floor((epochMs - Math.floor(epochMs)) * 1000).toString().padStart(3, '0');
  return `${iso.slice(0, -1)}${micros}Z`;
}

/** What {@link buildRxpk} needs about one reception. */
export interface RxpkInput {
  /** Epoch milliseconds at the end of the packet (forwarders stamp the reception). */
  epochMs: number;
  /** Concentrator counter in microseconds at the end of the packet; wrapped to 32 bits here. */
  counterUs: number;
  frequencyHz: number;
  sf: number;
  bandwidthHz: number;
  codingRate?: string;
  rssiDbm: number;
  snrDb: number;
  phyPayload: Uint8Array;
  /** IF channel of the concentrator (default 0). */
  chan?: number;
}

/**
 * Builds an `rxpk` object. RSSI is rounded to an integer dBm and SNR to 0.1 dB as forwarders do.
 *
 * @example buildRxpk({ epochMs, counterUs, frequencyHz: 868.1e6, sf: 7, bandwidthHz: 125000,
 *   rssiDbm: -97.4, snrDb: 7.25, phyPayload })
 */
export function buildRxpk(input: RxpkInput): Rxpk {
  return {
    time: rxpkTime(input.epochMs),
    // tmst is a free-running 32-bit microsecond counter that wraps every 71.6 minutes.
    tmst: Math.floor(input.counterUs) >>> 0,
    chan: input.chan ?? 0,
    rfch: 0,
    freq: Math.round(input.frequencyHz / 100) / 1e4,
    stat: 1,
    modu: 'LORA',
    datr: loraDatr(input.sf, input.bandwidthHz),
    codr: input.codingRate ?? '4/5',
    rssi: Math.round(input.rssiDbm),
    lsnr: Math.round(input.snrDb * 10) / 10,
    size: input.phyPayload.length,
    data: bytesToBase64(input.phyPayload),
  };
}
