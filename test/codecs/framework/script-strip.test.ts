/**
 * What the script build leaves out of a body (scripts/build-codec-scripts.mjs): registry
 * metadata (NAS packet descriptions and schemas) and `encodeUplink`, which the library keeps.
 * Needs `npm run build` first, as scripts.test.ts.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { buildCodecScript } from '../../../cli/commands/codec.js';
import { scriptVariableName } from '../../../cli/codec-script.js';
import { getCodec } from '../../../codecs/index.js';
import { ROOT } from '../../vectors.js';
import { es5VmEngine } from './engines.js';

const built = existsSync(resolve(ROOT, 'dist', 'codec-scripts', 'index.json'));

describe.runIf(built)('script bodies', () => {
  test('leave out the NAS packet descriptions the registry keeps', () => {
    const codec = getCodec('nas/ul20xx')!;
    const profile = codec.messageTypes.find((m) => m.name === 'profile_config_packet')!;
    expect(profile.description).toBe('Dimming profile: destination, active days, time steps');
    const script = buildCodecScript(codec, 'chirpstack');
    expect(script).toContain('profile_config_packet');
    expect(script).not.toContain(profile.description);
    // A property name of the packets' JSON Schemas, which the registry keeps too.
    expect(JSON.stringify(codec.uplinkSchema)).toContain('additionalProperties');
    expect(script).not.toContain('additionalProperties');
  });

  test.each(['nas/ul20xx', 'generic/cayenne-lpp'])('%s: no encodeUplink in a script', (id) => {
    const codec = getCodec(id)!;
    expect(typeof codec.encodeUplink).toBe('function');
    const loaded = es5VmEngine().load(buildCodecScript(codec, 'ts013'));
    try {
      const v = scriptVariableName(id);
      expect(loaded.call(`(function () { return [typeof ${v}.encodeUplink, ` +
        `typeof ${v}.encodeDownlink, typeof ${v}.decodeUplink]; })`, ''))
        .toEqual(['undefined', 'function', 'function']);
    } finally {
      loaded.dispose();
    }
  });
});
