/**
 * Frame decoding speed: loire's decodePhyPayload against lora-packet's fromWire on the same
 * unconfirmed uplink (lora-packet's own parse_test frame). Both outputs are cross-checked
 * before timing. Run through `npm run bench` (bench/run.mjs imports this module's default
 * export), or alone with `npm run build && node bench/frame.mjs`.
 */
import b from 'benny';
import loraPacket from 'lora-packet';
import { decodePhyPayload, hexToBytes, bytesToHex } from '../dist/index.js';

const FRAME_HEX = '40F17DBE4900020001954378762B11FF0D';

/** Fails loudly if the two decoders disagree on any field of the benchmark frame. */
function crossCheck(bytes, buffer) {
  const ours = decodePhyPayload(bytes);
  const theirs = loraPacket.fromWire(buffer);
  const pairs = [
    [ours.fhdr.devAddr.toString(16).padStart(8, '0'), theirs.DevAddr.toString('hex')],
    [ours.fhdr.fCnt, theirs.getFCnt()],
    [ours.fPort, theirs.getFPort()],
    [bytesToHex(ours.frmPayload), theirs.FRMPayload.toString('hex')],
    [bytesToHex(ours.mic), theirs.MIC.toString('hex')],
    [bytesToHex(ours.fhdr.fOpts), theirs.FOpts.toString('hex')],
  ];
  for (const [a, c] of pairs) {
    if (a !== c) throw new Error(`bench/frame: decoders disagree (${a} vs ${c})`);
  }
}

/** The frame-decoding suite (benny). */
export async function frameSuite() {
  const bytes = hexToBytes(FRAME_HEX);
  const buffer = Buffer.from(FRAME_HEX, 'hex');
  crossCheck(bytes, buffer);
  let sink = 0;
  await b.suite(
    'decode data uplink 40F17DBE...FF0D',
    b.add('loire decodePhyPayload', () => {
      sink ^= decodePhyPayload(bytes).fhdr.fCnt;
    }),
    b.add('lora-packet fromWire', () => {
      sink ^= loraPacket.fromWire(buffer).FCnt[1];
    }),
    b.cycle(),
    b.complete(),
  );
  return sink;
}

export default frameSuite;

if (import.meta.url === `file://${process.argv[1]}`) await frameSuite();
