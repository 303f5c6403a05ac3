/**
 * Codec decoding speed, every shipped codec: one operation decodes all of the codec's own
 * published examples (decodeUplink and decodeDownlink ones) through the library's TS013 calls.
 * Before timing, every example's output is compared with the data the example states (the
 * vendor's or the reference decoder's); a mismatch aborts the run. No Cayenne LPP peer is
 * installed in this project, so LPP is timed for loire alone (bench/codec.mjs compares it with
 * the built ChirpStack script). Run through `npm run bench`, or alone with
 * `npm run build && node bench/codecs.mjs`.
 */
import { isDeepStrictEqual } from 'node:util';
import b from 'benny';
import { codecIds, decodeDownlink, decodeUplink, getCodec } from '../dist/codecs/index.js';

const hexToArray = (h) => (h.match(/../g) ?? []).map((x) => parseInt(x, 16));

/** The decodable examples of a codec as TS013 calls, each checked against its stated data. */
function casesOf(codec) {
  const cases = [];
  for (const e of codec.examples) {
    if (e.operation !== 'decodeUplink' && e.operation !== 'decodeDownlink') continue;
    if ((e.errors ?? []).length > 0) continue;
    const fn = e.operation === 'decodeUplink' ? decodeUplink : decodeDownlink;
    const input = { bytes: hexToArray(e.bytesHex), fPort: e.fPort, recvTime: e.recvTime,
      variables: e.variables ?? {} };
    const out = fn(codec, input);
    // Through JSON, as a network server hands the result on (drops undefined members).
    if (out.errors.length > 0 || !isDeepStrictEqual(JSON.parse(JSON.stringify(out.data)),
      e.data)) {
      throw new Error(`bench/codecs: ${codec.id} "${e.description}" does not give its data`);
    }
    cases.push([fn, input]);
  }
  return cases;
}

/** The per-codec suite (benny); returns [{ id, examples, ops }] for the summary. */
export async function codecsSuite() {
  const rows = [];
  const adds = [];
  let sink = 0;
  for (const id of codecIds()) {
    const codec = getCodec(id);
    const cases = casesOf(codec);
    if (cases.length === 0) continue;
    rows.push({ id, examples: cases.length });
    adds.push(b.add(`${id} (${cases.length} examples)`, () => {
      for (const [fn, input] of cases) sink ^= fn(codec, input).errors.length;
    }, { minSamples: 5, maxTime: 0.5 }));
  }
  const summary = await b.suite('Codec examples decoded per second (TS013 calls)', ...adds,
    b.cycle(), b.complete());
  for (const r of summary.results) {
    const row = rows.find((x) => r.name.startsWith(`${x.id} `));
    if (row) row.ops = r.ops;
  }
  console.log('| codec | examples | example sets/s | examples/s |');
  console.log('| --- | ---: | ---: | ---: |');
  for (const r of rows) {
    console.log(`| ${r.id} | ${r.examples} | ${Math.round(r.ops).toLocaleString('en-US')} | ` +
      `${Math.round(r.ops * r.examples).toLocaleString('en-US')} |`);
  }
  if (sink === -1) console.log('');
  return rows;
}

export default codecsSuite;

if (import.meta.url === `file://${process.argv[1]}`) await codecsSuite();
