/**
 * Faults the robustness campaign found, each pinned by the smallest input that showed it.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, decodeMacCommands, encodeMacCommands, hexToBytes } from '../../src/index.js';

describe('campaign regressions', () => {
  it('FilterListReq with 17 FilterListEUI bytes decodes and re-encodes to the same bytes', () => {
    // Found by "MAC command prefixes downlink": FilterList_Len 17 (0x51 = action 2, length 17)
    // decoded leniently, but the encoder refused more than 16 bytes with a RangeError.
    const bytes = hexToBytes('4251' + '00'.repeat(18));
    const decoded = decodeMacCommands(bytes, { uplink: false });
    expect(decoded).toHaveLength(1);
    expect(bytesToHex(encodeMacCommands(decoded))).toBe(bytesToHex(bytes));
  });
});
