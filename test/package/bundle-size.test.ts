/**
 * What an application pays for the core: an esbuild bundle (minified) of an entry that imports
 * the frame-and-crypto path from the published ESM build must stay under 20 kB, and tree-shaking
 * must drop what that path does not use (the MAC command table, the codecs, the simulator).
 */
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../vectors.js';
import { requireDist } from './dist.js';

/** The decode / verify / decrypt path of uplinks, downlinks and Join-Accepts, 1.0 and 1.1. */
const CORE_PATH = [
  'decodePhyPayload',
  'verifyUplinkMic10',
  'verifyDownlinkMic10',
  'verifyUplinkMic11',
  'verifyDownlinkMic11',
  'decryptFrmPayload',
  'decryptFOpts',
  'decryptJoinAccept',
  'verifyJoinAcceptMic10',
  'verifyJoinAcceptMic11',
];

const LIMIT_BYTES = 20_000;

async function bundle(names: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(', ')} } from './dist/index.js';\n` +
        `globalThis.core = { ${names.join(', ')} };\n`,
      resolveDir: ROOT,
      loader: 'js',
    },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

beforeAll(requireDist);

describe('core frame-and-crypto bundle', () => {
  it(`is under ${LIMIT_BYTES} bytes minified`, async () => {
    const code = await bundle(CORE_PATH);
    // The bundle really holds the path (the decoders' error codes are in it).
    expect(code).toContain('TRUNCATED');
    expect(code.length).toBeLessThan(LIMIT_BYTES);
  });

  it('holds nothing but the error class when only LoireError is imported', async () => {
    // Top-level work (scratch buffers, channel tables built by loops) must be marked pure or
    // built lazily, or every application importing anything from loire would carry it.
    const code = await bundle(['LoireError']);
    expect(code).toContain('LoireError');
    expect(code.length).toBeLessThan(400);
  });

  it('leaves out the MAC command table when MAC commands are not parsed', async () => {
    const code = await bundle(CORE_PATH);
    expect(code).not.toContain('LinkADRReq');
    // ...and keeps it once they are: the check above can fail.
    expect(await bundle([...CORE_PATH, 'decodeMacCommands'])).toContain('LinkADRReq');
  });
});
