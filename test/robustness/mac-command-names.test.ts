/**
 * MAC command names as other stacks and the spec versions spell them: TS001-1.1 and ChirpStack
 * write TxParamSetupReq, loire's registry TXParamSetupReq. Looking a command up by name must
 * not fail on letter case, or a caller encoding from a peer's name gets "unknown MAC command".
 */
import { describe, expect, test } from 'vitest';
import { bytesToHex } from '../../src/bytes/hex.js';
import { encodeMacCommands, MAC_COMMANDS, macCommandByName } from '../../src/mac/index.js';
import { loadVectors, type MacVector } from '../vectors.js';

describe('MAC command names in any case', () => {
  test('every registry name is found in lower and upper case', () => {
    for (const spec of MAC_COMMANDS) {
      expect(macCommandByName(spec.name.toLowerCase())).toBe(spec);
      expect(macCommandByName(spec.name.toUpperCase())).toBe(spec);
    }
  });

  test('no two commands share a name up to case (the lookup is unambiguous)', () => {
    const names = MAC_COMMANDS.map((s) => s.name.toLowerCase());
    expect(new Set(names).size).toBe(names.length);
  });

  test('lrwn-mac-12-TxParamSetupReq encodes from ChirpStack\'s spelling to 091f', () => {
    const id = 'lrwn-mac-12-TxParamSetupReq';
    const v = loadVectors<MacVector[]>('mac.json').find((x) => x.id === id)!;
    expect(v.inputs.command).toBe('TxParamSetupReq');
    const bytes = encodeMacCommands([{
      cid: 0x09,
      name: v.inputs.command as string,
      fields: { downlinkDwellTime: false, uplinkDwellTime: true, maxEirp: 15 },
    }]);
    expect(bytesToHex(bytes)).toBe(v.expected.bytes);
  });

  test('an unknown name is still undefined', () => {
    expect(macCommandByName('LinkCheckReqq')).toBeUndefined();
    expect(macCommandByName(42 as unknown as string)).toBeUndefined();
  });
});
