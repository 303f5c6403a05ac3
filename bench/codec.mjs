/**
 * Codec speed: Cayenne LPP decoding (ChirpStack's test_lpp payload, 12 record types) through the
 * library's TS013 `decodeUplink`, and through the ES5 script `loire codec build` writes for
 * ChirpStack, run in a node:vm context (what the ES5 lowering costs). The two outputs are
 * cross-checked before timing. Run through `npm run bench`, or alone with
 * `npm run build && node bench/codec.mjs`.
 */
import { execFileSync } from 'node:child_process';
import vm from 'node:vm';
import b from 'benny';
import { bindTs013, getCodec } from '../dist/codecs/index.js';

// chirpstack/chirpstack, chirpstack/src/codec/cayenne_lpp.rs, test_lpp.
const LPP_HEX =
  '0300640500d20301640501d20302000a050203e80303000a050303e80365000a056503e803660505660303' +
  '670110056700ff0368290568960371000100020003057103ea07d30bbb0373041f057309c4038600010002' +
  '0003058603e907d20bbb018806765ff2960a0003e8';

/** The LPP decoding suite (benny). */
export async function codecSuite() {
  const bytes = LPP_HEX.match(/../g).map((h) => parseInt(h, 16));
  const lpp = getCodec('generic/cayenne-lpp');
  const library = bindTs013(lpp, { variables: { style: 'chirpstack' } });
  const cli = new URL('../dist/cli/main.js', import.meta.url).pathname;
  const script = execFileSync(process.execPath, [cli, 'codec', 'build', 'generic/cayenne-lpp',
    '--target', 'chirpstack'], { encoding: 'utf8' });
  const context = vm.createContext({});
  vm.runInContext(script, context);
  context.input = { bytes, fPort: 1, variables: {} };
  const viaScript = vm.runInContext('(function () { return decodeUplink(input); })', context);

  const a = JSON.stringify(library.decodeUplink({ bytes, fPort: 1 }));
  const c = JSON.stringify(viaScript());
  if (a !== c) throw new Error('bench/codec: library and script disagree');

  let sink = 0;
  await b.suite(
    'Cayenne LPP decodeUplink, 23 records (ChirpStack test_lpp)',
    b.add('loire library (ES2020)', () => {
      sink ^= library.decodeUplink({ bytes, fPort: 1 }).errors.length;
    }),
    b.add('loire ChirpStack script (ES5) in node:vm', () => {
      sink ^= viaScript().errors.length;
    }),
    b.cycle(),
    b.complete(),
  );
  return sink;
}

export default codecSuite;

if (import.meta.url === `file://${process.argv[1]}`) await codecSuite();
