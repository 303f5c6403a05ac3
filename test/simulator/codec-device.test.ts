import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { dingtekCodecs, milesightCodecs } from '../../codecs/index.js';
import type { CodecDefinition } from '../../codecs/index.js';
import { runCli } from '../../cli/run.js';
import { bytesToHex } from '../../src/bytes/hex.js';
import { EU868 } from '../../src/region/index.js';
import { ClassADevice } from '../../simulator/device/index.js';
import { Engine } from '../../simulator/engine/index.js';
import { parseTrace, validateTrace } from '../../simulator/validate/index.js';
import { APP_S_KEY, NWK_S_KEY } from './helpers.js';

// A device is a codec plus a schedule: each codec's own documented example reading is sent
// every 15 minutes, and the trace must decode back to it (a round trip through the vendor
// codec, the core's framing and crypto, and the validator).
const codecs = [...dingtekCodecs, ...milesightCodecs].filter(
  (c) => c.id === 'dingtek/df702' || c.id === 'milesight/em300-di',
) as CodecDefinition[];

describe('devices built from real codecs', () => {
  test('the registry slice is there', () => {
    expect(codecs.map((c) => c.id).sort()).toEqual(['dingtek/df702', 'milesight/em300-di']);
  });

  for (const codec of codecs) {
    test(`${codec.id}: every uplink decodes back to the example reading`, async () => {
      const example = codec.examples.find((e) => e.operation === 'decodeUplink')!;
      const engine = new Engine({ seed: 30 });
      const device = new ClassADevice({
        engine,
        region: EU868,
        activation: { mode: 'abp', devAddr: 0x26011bda, nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY },
        codec: { encodeUplink: (input) => codec.encodeUplink!(input) },
        schedule: { periodMs: 900_000, data: () => example.data },
        dr: 5,
      });
      device.start();
      engine.run({ untilMs: 6 * 3_600_000 });
      const text = device.trace.map((l) => JSON.stringify(l)).join('\n');
      const report = validateTrace(parseTrace(text), {
        region: EU868,
        keys: { nwkSKey: NWK_S_KEY, appSKey: APP_S_KEY },
        decode: (fPort, bytes) =>
          codec.decodeUplink({ bytes: Array.from(bytes), fPort, variables: {} }).data,
      });
      expect(report.violations).toEqual([]);
      expect(report.frames.length).toBeGreaterThan(20);
      for (const f of report.frames) expect(f.decoded).toEqual(example.data);

      // The CLI finds the codec by id and prints the same object.
      const dir = mkdtempSync(join(tmpdir(), 'loire-codec-'));
      const path = join(dir, 'trace.jsonl');
      writeFileSync(path, text);
      const out: string[] = [];
      const io = { out: (t: string) => out.push(t), err: () => {}, isTty: false };
      const argv = ['validate', path, '--nwkskey', bytesToHex(NWK_S_KEY),
        '--appskey', bytesToHex(APP_S_KEY), '--codec', codec.id, '--json'];
      expect(await runCli(argv, io)).toBe(0);
      expect(JSON.parse(out[0]!).frames[0].decoded).toEqual(example.data);
    });
  }
});
