/**
 * `loire demo` (what `npm start` runs): decodes, verifies and decrypts a set of real published
 * frames shipped in `cli/demo-frames.ts`, and prints each with its source. Keys are used, not
 * shown.
 */
import { parseArgs, UsageError } from '../args.js';
import { reportError, type Io } from '../io.js';
import { DEMO_FRAMES } from '../demo-frames.js';
import { frameJson, frameText } from '../frame-view.js';
import { hexToBytes } from '../../src/bytes/hex.js';
import { decodeFrame } from '../../src/frame/index.js';

const HELP = `usage: loire demo [--json]

Decodes a set of real LoRaWAN frames published by other implementations (lora-packet,
brocaar/lorawan), checks their MICs and decrypts them with the keys those tests publish.
  --json   one JSON array: { title, source, frame, decoded } per frame`;

/** Runs `loire demo`; returns 0, or 2 for a usage error. */
export async function run(argv: string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv, { booleans: ['json', 'help'] });
    if (args.flags.help) {
      io.out(HELP);
      return 0;
    }
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument ${JSON.stringify(args.positionals[0])}`);
    }
    const results = DEMO_FRAMES.map((d) => ({
      demo: d,
      decoded: frameJson(decodeFrame(hexToBytes(d.hex), d.options)),
    }));
    if (json) {
      io.out(JSON.stringify(results.map((r) => ({
        title: r.demo.title,
        source: r.demo.source,
        frame: r.demo.hex.toLowerCase(),
        decoded: r.decoded,
      }))));
      return 0;
    }
    const lines = [
      'loire demo: real LoRaWAN frames from other implementations\' test suites, decoded,',
      'verified and decrypted with the keys those tests publish.',
    ];
    DEMO_FRAMES.forEach((d, i) => {
      const text = frameText(decodeFrame(hexToBytes(d.hex), d.options));
      lines.push('', `${i + 1}. ${d.title}`, `   source: ${d.source}`,
        `   frame:  ${d.hex.toLowerCase()}`);
      for (const line of text.split('\n')) lines.push(`   ${line}`);
    });
    io.out(lines.join('\n'));
    return 0;
  } catch (e) {
    return reportError(e, io, json);
  }
}
