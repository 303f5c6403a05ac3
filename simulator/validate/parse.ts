/**
 * Reads a device's recorded traffic: one JSON object per line, in loire's own shape or as
 * exported by a Semtech UDP packet forwarder (`rxpk`/`txpk`), ChirpStack v4 (integration
 * `up` events) or The Things Stack (application uplink messages).
 */
import { base64ToBytes, parseBytes } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';

/** Where a trace entry came from. */
export type TraceSource = 'loire' | 'rxpk' | 'txpk' | 'chirpstack' | 'tts';

/** One frame of a trace. */
export interface TraceFrame {
  /** 1-based line of the trace file. */
  line: number;
  source: TraceSource;
  timeMs: number;
  direction: 'up' | 'down';
  frequencyHz: number;
  /** Data rate index when the trace gives it. */
  dr?: number;
  /** LoRa modulation when the trace gives it instead (or as well). */
  sf?: number;
  bandwidthHz?: number;
  /** True for an FSK frame. */
  fsk?: boolean;
  /** The concentrator's microsecond counter (`tmst`) when the trace gives it. */
  tmstUs?: number;
  /** True when `timeMs` comes from `tmst` alone (see {@link parseTrace}). */
  timeFromTmst?: boolean;
  /** The PHYPayload; absent for network-server events that carry only the decrypted payload. */
  phyPayload?: Uint8Array;
  /** What a network-server event states about a frame it does not include raw. */
  event?: {
    devAddr?: number;
    devEui?: string;
    fCnt?: number;
    fPort?: number;
    confirmed?: boolean;
    /** Decrypted application payload. */
    frmPayload?: Uint8Array;
  };
}

type Json = Record<string, unknown>;

function bad(line: number, message: string): never {
  throw new LoireError('BAD_ENCODING', `line ${line}: ${message}`, {
    offset: line,
    field: 'trace',
  });
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const num = (v: unknown): number | undefined => {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return undefined;
};

function timeOf(o: Json, line: number): number {
  const ms = num(o.timeMs);
  if (ms !== undefined) return ms;
  if (hasAbsoluteTime(o)) return absoluteTime(o, line);
  const tmst = num(o.tmst);
  if (tmst !== undefined) {
    if (!(Number.isInteger(tmst) && tmst >= 0 && tmst < 2 ** 32)) {
      bad(line, `tmst ${tmst} is not a 32-bit microsecond counter`);
    }
    return tmst / 1000;
  }
  return bad(line, 'no time (expected timeMs, time, received_at or tmst)');
}

const ABSOLUTE_TIME_KEYS = ['time', 'received_at', 'receivedAt', 'gwTime'];

function hasAbsoluteTime(o: Json): boolean {
  return num(o.timeMs) !== undefined ||
    ABSOLUTE_TIME_KEYS.some((k) => typeof o[k] === 'string' || typeof o[k] === 'number');
}

function absoluteTime(o: Json, line: number): number {
  for (const key of ABSOLUTE_TIME_KEYS) {
    const v = o[key];
    if (typeof v === 'string') {
      const t = Date.parse(v);
      if (Number.isNaN(t)) bad(line, `${key} '${v}' is not an ISO 8601 time`);
      // Date.parse keeps milliseconds; packet forwarders' microseconds are dropped.
      return t;
    }
    if (typeof v === 'number') return v;
  }
  return bad(line, 'no time (expected timeMs, time, received_at or tmst)');
}

/** Records `tmst` on a frame, and whether its time came from it alone. */
function withTmst(frame: TraceFrame, o: Json): TraceFrame {
  const tmst = num(o.tmst);
  if (tmst !== undefined && Number.isInteger(tmst) && tmst >= 0 && tmst < 2 ** 32) {
    frame.tmstUs = tmst;
    if (!hasAbsoluteTime(o)) frame.timeFromTmst = true;
  }
  return frame;
}

/**
 * The direction the MHDR gives (TS001-1.0.4 §4.2.1: MType 1, 3 and 5 go down; 0, 2, 4 and 6
 * up), or undefined for an empty frame and for proprietary frames (MType 7).
 */
export function directionOnAir(phyPayload: Uint8Array): 'up' | 'down' | undefined {
  if (phyPayload.length === 0) return undefined;
  const mType = phyPayload[0]! >> 5;
  if (mType === 7) return undefined;
  return mType % 2 === 1 ? 'down' : 'up';
}

/** A frame counter stated by a network-server event: an integer of 32 bits at most. */
function counterOf(v: unknown, line: number, field: string): number | undefined {
  const n = num(v);
  if (n === undefined) return undefined;
  if (!(Number.isInteger(n) && n >= 0 && n < 2 ** 32)) {
    bad(line, `${field} ${String(v)} is not a frame counter 0 to 4294967295`);
  }
  return n;
}

/** An FPort stated by a network-server event: 0 to 255. */
function fPortOf(v: unknown, line: number, field: string): number | undefined {
  const n = num(v);
  if (n === undefined) return undefined;
  if (!(Number.isInteger(n) && n >= 0 && n <= 255)) {
    bad(line, `${field} ${String(v)} is not an FPort 0 to 255`);
  }
  return n;
}

/** Frequencies below 10 kHz are taken as MHz (packet forwarders), others as Hz. */
function frequencyOf(v: unknown, line: number): number {
  const f = num(v);
  if (f === undefined || f <= 0) return bad(line, `frequency '${String(v)}' is not a number`);
  return f < 10_000 ? Math.round(f * 1_000_000) : Math.round(f);
}

function applyDatr(frame: TraceFrame, datr: unknown, line: number): void {
  if (typeof datr === 'number') {
    frame.fsk = true;
    return;
  }
  const m = typeof datr === 'string' ? /^SF(\d+)BW(\d+)$/i.exec(datr) : null;
  if (!m) bad(line, `datr '${String(datr)}' is not like SF7BW125`);
  frame.sf = Number(m[1]);
  frame.bandwidthHz = Number(m[2]) * 1000;
}

function bytesOf(v: unknown, line: number, field: string, base64Only = false): Uint8Array {
  if (typeof v !== 'string') return bad(line, `${field} is not a string`);
  try {
    return base64Only ? base64ToBytes(v) : parseBytes(v);
  } catch (e) {
    return bad(line, `${field}: ${(e as Error).message}`);
  }
}

/** A DevAddr written as 1 to 8 hex digits; anything else is refused rather than read as NaN. */
function devAddrOf(v: string, line: number, field: string): number {
  if (!/^[0-9a-f]{1,8}$/i.test(v)) bad(line, `${field} '${v}' is not a hex DevAddr`);
  return parseInt(v, 16);
}

function fromLoire(o: Json, line: number): TraceFrame {
  const phyPayload = bytesOf(o.phyPayload ?? o.phy_payload ?? o.payload, line, 'phyPayload');
  const frame: TraceFrame = withTmst({
    line,
    source: 'loire',
    timeMs: timeOf(o, line),
    // Unstated, the direction is the MHDR's: a downlink is never taken for an uplink.
    direction: o.direction === undefined
      ? directionOnAir(phyPayload) ?? 'up'
      : directionOf(o.direction, line),
    frequencyHz: frequencyOf(o.frequencyHz ?? o.frequency ?? o.freq, line),
    phyPayload,
  }, o);
  const dr = num(o.dr);
  if (dr !== undefined) frame.dr = dr;
  if (o.datr !== undefined) applyDatr(frame, o.datr, line);
  const sf = num(o.sf ?? o.spreadingFactor);
  if (sf !== undefined) frame.sf = sf;
  const bw = num(o.bandwidthHz ?? o.bw ?? o.bandwidth);
  if (bw !== undefined) frame.bandwidthHz = bw <= 500 ? bw * 1000 : bw;
  if (frame.dr === undefined && frame.sf === undefined && !frame.fsk) {
    bad(line, 'no data rate (expected dr, sf and bw, or datr)');
  }
  return frame;
}

function fromPacketForwarder(o: Json, line: number, direction: 'up' | 'down'): TraceFrame {
  const frame: TraceFrame = withTmst({
    line,
    source: direction === 'up' ? 'rxpk' : 'txpk',
    timeMs: timeOf(o, line),
    direction,
    frequencyHz: frequencyOf(o.freq, line),
    phyPayload: bytesOf(o.data, line, 'data', true),
  }, o);
  applyDatr(frame, o.datr, line);
  return frame;
}

function fromChirpStack(o: Json, line: number): TraceFrame {
  const tx = isObj(o.txInfo) ? o.txInfo : {};
  const lora = isObj(tx.modulation) && isObj(tx.modulation.lora) ? tx.modulation.lora : undefined;
  const frame: TraceFrame = {
    line,
    source: 'chirpstack',
    timeMs: timeOf(o, line),
    direction: 'up',
    frequencyHz: frequencyOf(tx.frequency, line),
    event: {},
  };
  const dr = num(o.dr);
  if (dr !== undefined) frame.dr = dr;
  if (lora) {
    frame.sf = num(lora.spreadingFactor)!;
    frame.bandwidthHz = num(lora.bandwidth)!;
  }
  const ev = frame.event!;
  if (typeof o.devAddr === 'string') ev.devAddr = devAddrOf(o.devAddr, line, 'devAddr');
  const di = isObj(o.deviceInfo) ? o.deviceInfo : {};
  if (typeof di.devEui === 'string') ev.devEui = di.devEui.toLowerCase();
  const fCnt = counterOf(o.fCnt, line, 'fCnt');
  if (fCnt !== undefined) ev.fCnt = fCnt;
  const fPort = fPortOf(o.fPort, line, 'fPort');
  if (fPort !== undefined) ev.fPort = fPort;
  if (typeof o.confirmed === 'boolean') ev.confirmed = o.confirmed;
  ev.frmPayload =
    typeof o.data === 'string' ? bytesOf(o.data, line, 'data', true) : new Uint8Array(0);
  if (typeof o.phyPayload === 'string') {
    frame.phyPayload = bytesOf(o.phyPayload, line, 'phyPayload');
  }
  return frame;
}

function fromTts(o: Json, up: Json, line: number): TraceFrame {
  const settings = isObj(up.settings) ? up.settings : {};
  const dataRate = isObj(settings.data_rate) ? settings.data_rate : {};
  const lora = isObj(dataRate.lora) ? dataRate.lora : undefined;
  const ids = isObj(o.end_device_ids) ? o.end_device_ids : {};
  const frame: TraceFrame = {
    line,
    source: 'tts',
    timeMs: timeOf({ received_at: up.received_at ?? o.received_at }, line),
    direction: 'up',
    frequencyHz: frequencyOf(settings.frequency, line),
    event: {},
  };
  if (lora) {
    frame.sf = num(lora.spreading_factor)!;
    frame.bandwidthHz = num(lora.bandwidth)!;
  } else if (isObj(dataRate.fsk)) frame.fsk = true;
  const ev = frame.event!;
  if (typeof ids.dev_addr === 'string') ev.devAddr = devAddrOf(ids.dev_addr, line, 'dev_addr');
  if (typeof ids.dev_eui === 'string') ev.devEui = ids.dev_eui.toLowerCase();
  // The Things Stack leaves out zero values (proto3 JSON): no f_cnt is FCnt 0.
  ev.fCnt = counterOf(up.f_cnt, line, 'f_cnt') ?? 0;
  const fPort = fPortOf(up.f_port, line, 'f_port');
  if (fPort !== undefined) ev.fPort = fPort;
  if (typeof up.confirmed === 'boolean') ev.confirmed = up.confirmed;
  ev.frmPayload = typeof up.frm_payload === 'string'
    ? bytesOf(up.frm_payload, line, 'frm_payload', true)
    : new Uint8Array(0);
  const raw = up.raw_payload ?? o.raw_payload;
  if (typeof raw === 'string') frame.phyPayload = bytesOf(raw, line, 'raw_payload', true);
  return frame;
}

function directionOf(v: unknown, line: number): 'up' | 'down' {
  if (v === undefined || v === 'up' || v === 'down') return v === 'down' ? 'down' : 'up';
  return bad(line, `direction '${String(v)}' is neither 'up' nor 'down'`);
}

/**
 * Refuses radio settings no LoRaWAN frame can have, so that the checks downstream (time on air,
 * payload size) never meet them and the error names the line. DR indices are 0..15 (LinkADRReq
 * carries 4 bits, TS001-1.0.4 §5.3); LoRa SF 5..12 (SX126x; LoRaWAN uses 7..12).
 */
function checkRadio(frame: TraceFrame): TraceFrame {
  const { dr, sf, bandwidthHz: bw, line } = frame;
  if (dr !== undefined && !(Number.isInteger(dr) && dr >= 0 && dr <= 15)) {
    bad(line, `dr ${String(dr)} is not a data rate index 0 to 15`);
  }
  if (sf !== undefined && !(Number.isInteger(sf) && sf >= 5 && sf <= 12)) {
    bad(line, `sf ${String(sf)} is not a spreading factor 5 to 12`);
  }
  if (bw !== undefined && !(Number.isFinite(bw) && bw > 0)) {
    bad(line, `bandwidth ${String(bw)} is not a positive number of Hz`);
  }
  if (!Number.isFinite(frame.timeMs)) bad(line, `time ${String(frame.timeMs)} is not finite`);
  return frame;
}

/** Turns one parsed JSON value into frames (a packet-forwarder push may hold several). */
function framesOf(value: unknown, line: number): TraceFrame[] {
  return rawFramesOf(value, line).map(checkRadio);
}

function rawFramesOf(value: unknown, line: number): TraceFrame[] {
  if (!isObj(value)) return bad(line, 'expected a JSON object');
  // Unwrap event envelopes: TTS streams wrap in {result: {...}}, event logs in {data: {...}}.
  let o = value;
  if (isObj(o.result)) o = o.result;
  if (isObj(o.data) && (isObj(o.data.uplink_message) || o.data.end_device_ids !== undefined)) {
    o = o.data;
  }
  if (Array.isArray(o.rxpk)) {
    return o.rxpk.map((r) =>
      fromPacketForwarder(isObj(r) ? r : bad(line, 'rxpk entry is not an object'), line, 'up'));
  }
  if (isObj(o.txpk)) return [fromPacketForwarder(o.txpk, line, 'down')];
  if (isObj(o.uplink_message)) return [fromTts(o, o.uplink_message, line)];
  if (isObj(o.txInfo) && (o.deviceInfo !== undefined || o.deduplicationId !== undefined)) {
    return [fromChirpStack(o, line)];
  }
  if (o.datr !== undefined && o.data !== undefined && o.freq !== undefined) {
    return [fromPacketForwarder(o, line, 'up')];
  }
  return [fromLoire(o, line)];
}

/**
 * Parses a trace: JSON lines (blank lines and lines starting with `#` skipped).
 *
 * @throws {LoireError} `BAD_ENCODING` naming the line that cannot be read
 * @example parseTrace('{"timeMs":0,"frequencyHz":868100000,"dr":5,"phyPayload":"40..."}')
 */
export function parseTrace(text: string): TraceFrame[] {
  if (typeof text !== 'string') throw new TypeError('text: expected a string');
  const out: TraceFrame[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const s = lines[i]!.trim();
    if (s === '' || s.startsWith('#')) continue;
    let value: unknown;
    try {
      value = JSON.parse(s);
    } catch (e) {
      // JSON.parse quotes the start of the line: control bytes of a binary file would reach
      // the terminal as they are, so they are shown as '?'.
      const why = (e as Error).message.replace(/[\u0000-\u001f\u007f-\u009f\ufffd]/g, '?');
      bad(i + 1, `not JSON (${why})`);
    }
    out.push(...framesOf(value, i + 1));
  }
  countTmstForward(out);
  return out;
}

/**
 * A `tmst` is a gateway's free-running microsecond counter: it starts at boot and wraps every
 * 71.6 minutes, so `tmst / 1000` cannot be ordered against absolute times, nor across a wrap.
 * A frame timed by `tmst` alone (a `txpk`, or an `rxpk` without `time`) is therefore placed
 * forward of the frame before it in the file by the difference of their counters, modulo 2^32.
 * This is right for one gateway's log in file order (a `txpk` follows the `rxpk` it answers);
 * counters of different gateways are unrelated, and no trace can say how they line up.
 */
function countTmstForward(frames: TraceFrame[]): void {
  let anchor: { tmstUs: number; timeMs: number } | undefined;
  for (const f of frames) {
    if (f.tmstUs === undefined) continue;
    if (f.timeFromTmst && anchor !== undefined) {
      const ahead = (f.tmstUs - anchor.tmstUs + 2 ** 32) % 2 ** 32;
      f.timeMs = anchor.timeMs + ahead / 1000;
    }
    anchor = { tmstUs: f.tmstUs, timeMs: f.timeMs };
  }
}
