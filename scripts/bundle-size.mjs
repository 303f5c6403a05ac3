/**
 * Prints what an application pays for parts of loire: each row bundles (esbuild, minified) an
 * entry that imports the named functions from the published ESM build, and reports the bytes,
 * plain and gzipped. Usage: `npm run build && node scripts/bundle-size.mjs`.
 * test/package/bundle-size.test.ts enforces the limits; this script only measures.
 */
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const ROOT = new URL('..', import.meta.url).pathname;

const ROWS = [
  ['loire', ['LoireError']],
  ['loire', ['decodePhyPayload']],
  ['loire', ['decodePhyPayload', 'verifyUplinkMic10', 'verifyDownlinkMic10', 'verifyUplinkMic11',
    'verifyDownlinkMic11', 'decryptFrmPayload', 'decryptFOpts', 'decryptJoinAccept',
    'verifyJoinAcceptMic10', 'verifyJoinAcceptMic11']],
  ['loire', ['decodeMacCommands']],
  ['loire', ['decodeFrame']],
  ['loire/codecs', ['getCodec', 'decodeUplink']],
  ['loire/simulator', ['ClassADevice', 'Engine']],
];

const DIST = { loire: './dist/index.js', 'loire/codecs': './dist/codecs/index.js',
  'loire/simulator': './dist/simulator/index.js' };

console.log('| entry | imports | minified bytes | gzipped bytes |');
console.log('| --- | --- | ---: | ---: |');
for (const [entry, names] of ROWS) {
  const result = await build({
    stdin: { contents: `import { ${names.join(', ')} } from '${DIST[entry]}';\n` +
      `globalThis.x = { ${names.join(', ')} };\n`, resolveDir: ROOT, loader: 'js' },
    bundle: true, minify: true, format: 'esm', platform: 'neutral', write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0].contents;
  const shown = names.length > 3 ? `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
    : names.join(', ');
  console.log(`| ${entry} | ${shown} | ${code.length.toLocaleString('en-US')} | ` +
    `${gzipSync(code, { level: 9 }).length.toLocaleString('en-US')} |`);
}
