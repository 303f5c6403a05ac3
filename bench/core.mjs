/**
 * The core frame path as a network server runs it, loire against lora-packet in the same
 * process: (1) decode, (2) decode + MIC check, (3) decode + MIC check + decryption of a
 * LoRaWAN 1.0 uplink with a 12-byte payload. loire uses a keyed session (keys expanded once,
 * as a server keeps per device); lora-packet takes raw key Buffers on every call, which is its
 * API. Every contender's output is cross-checked before timing; a mismatch aborts the run.
 * Run through `npm run bench`, or alone with `npm run build && node bench/core.mjs`.
 */
import b from 'benny';
import loraPacket from 'lora-packet';
import {
  buildDataFrame,
  bytesToHex,
  createSession,
  decodeFrame,
  hexToBytes,
} from '../dist/index.js';

// Keys of lora-packet's own MIC and decrypt tests (mac.json lp-mic-data-up-1, lp-decrypt-test).
const NWK_S_KEY = '44024241ed4ce9a68c6a8bc055233fd3';
const APP_S_KEY = 'ec925802ae430ca77fd3dd73cb2cc588';
const CLEAR = hexToBytes('0102030405060708090a0b0c');

/** The benchmark frame: a 1.0 uplink with a 12-byte payload, built by loire. */
const FRAME = buildDataFrame(
  { uplink: true, devAddr: '49be7df1', fCnt: 42, fPort: 1, payload: CLEAR },
  { keys: { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY } },
);
const BUFFER = Buffer.from(FRAME);
const NWK_BUF = Buffer.from(NWK_S_KEY, 'hex');
const APP_BUF = Buffer.from(APP_S_KEY, 'hex');
const SESSION = createSession({ nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY });
const MIC_SESSION = createSession({ nwkSKey: NWK_S_KEY });

/** Fails loudly unless loire and lora-packet agree on the frame, its MIC and its payload. */
function crossCheck() {
  const ours = SESSION.decode(FRAME);
  const theirs = loraPacket.fromWire(BUFFER);
  const pairs = [
    ['devAddr', ours.devAddr.toString(16).padStart(8, '0'), theirs.DevAddr.toString('hex')],
    ['fCnt', ours.fCnt, theirs.getFCnt()],
    ['fPort', ours.fPort, theirs.getFPort()],
    ['frmPayload', bytesToHex(ours.frmPayload), theirs.FRMPayload.toString('hex')],
    ['mic', bytesToHex(ours.mic), theirs.MIC.toString('hex')],
    ['micValid', ours.micValid, loraPacket.verifyMIC(theirs, NWK_BUF)],
    ['micValid is true', ours.micValid, true],
    ['payload', bytesToHex(ours.payload),
      loraPacket.decrypt(theirs, APP_BUF, NWK_BUF).toString('hex')],
    ['payload is the clear text', bytesToHex(ours.payload), bytesToHex(CLEAR)],
    ['one-shot decodeFrame', bytesToHex(decodeFrame(FRAME).frmPayload),
      bytesToHex(ours.frmPayload)],
    ['MIC-only session', MIC_SESSION.decode(FRAME).micValid, true],
  ];
  for (const [what, a, c] of pairs) {
    if (a !== c) throw new Error(`bench/core: ${what} disagrees (${a} vs ${c})`);
  }
}

// What each contender does per frame. Each returns something the loop folds into a sink, so
// the work cannot be optimised away.
const ops = {
  decode: {
    loire: () => decodeFrame(FRAME).fCnt,
    loraPacket: () => loraPacket.fromWire(BUFFER).FCnt[1],
  },
  mic: {
    loire: () => (MIC_SESSION.decode(FRAME).micValid ? 1 : 0),
    loraPacket: () => (loraPacket.verifyMIC(loraPacket.fromWire(BUFFER), NWK_BUF) ? 1 : 0),
  },
  full: {
    loire: () => {
      const f = SESSION.decode(FRAME);
      return f.micValid ? f.payload[11] : -1;
    },
    loraPacket: () => {
      const p = loraPacket.fromWire(BUFFER);
      return loraPacket.verifyMIC(p, NWK_BUF) ? loraPacket.decrypt(p, APP_BUF, NWK_BUF)[11] : -1;
    },
  },
};

let sink = 0;

function suite(name, pair, ours) {
  return b.suite(
    name,
    b.add(ours, () => {
      sink ^= pair.loire();
    }),
    b.add('lora-packet 0.9.3', () => {
      sink ^= pair.loraPacket();
    }),
    b.cycle(),
    b.complete(),
  );
}

/**
 * Operations per second of CPU time given to this process (process.cpuUsage), median of 5
 * runs: on a machine shared with other jobs, wall time also counts the waits for a core.
 */
function perCpuSecond(fn, n) {
  for (let i = 0; i < n / 10; i++) sink ^= fn();
  const rates = [];
  for (let r = 0; r < 5; r++) {
    const t = process.cpuUsage();
    for (let i = 0; i < n; i++) sink ^= fn();
    const u = process.cpuUsage(t);
    rates.push(n / ((u.user + u.system) / 1e6));
  }
  rates.sort((a, c) => a - c);
  return rates[2];
}

function cpuTimeReport() {
  console.log('Per CPU-second (median of 5 runs), loire / lora-packet:');
  for (const [name, pair] of Object.entries(ops)) {
    const ours = perCpuSecond(pair.loire, 200_000);
    const theirs = perCpuSecond(pair.loraPacket, 5_000);
    const f = (x) => Math.round(x).toLocaleString('en');
    console.log(`  ${name}: ${f(ours)} / ${f(theirs)} = ${(ours / theirs).toFixed(1)}x`);
  }
}

/** Runs the three suites and the CPU-time report. */
export async function coreSuite() {
  crossCheck();
  const summaries = [
    await suite('decode (1.0 uplink, 12-byte payload)', ops.decode, 'loire decodeFrame, no keys'),
    await suite('decode + MIC check', ops.mic, 'loire session (NwkSKey) decode'),
    await suite('decode + MIC check + decrypt', ops.full, 'loire session (both keys) decode'),
  ];
  cpuTimeReport();
  if (sink === 0.5) console.log(sink);
  return summaries;
}

export default coreSuite;

if (import.meta.url === `file://${process.argv[1]}`) await coreSuite();
