/**
 * Faults the robustness campaign found, each pinned by the smallest input that showed it.
 */
import { describe, expect, it } from 'vitest';
import { bytesToHex, decodeMacCommands, encodeMacCommands, hexToBytes } from '../../src/index.js';
import { LoireError } from '../../src/errors.js';
import { EU868 } from '../../src/region/index.js';
import { parseTrace, validateTrace } from '../../simulator/validate/index.js';

describe('campaign regressions', () => {
  it('FilterListReq with 17 FilterListEUI bytes decodes and re-encodes to the same bytes', () => {
    // Found by "MAC command prefixes downlink": FilterList_Len 17 (0x51 = action 2, length 17)
    // decoded leniently, but the encoder refused more than 16 bytes with a RangeError.
    const bytes = hexToBytes('4251' + '00'.repeat(18));
    const decoded = decodeMacCommands(bytes, { uplink: false });
    expect(decoded).toHaveLength(1);
    expect(bytesToHex(encodeMacCommands(decoded))).toBe(bytesToHex(bytes));
  });

  it('validateTrace notes an SF5 frame instead of throwing RangeError from the airtime', () => {
    // Found by "trace parsing and validation": the trace's modulation went straight to
    // loraAirtime, whose argument check threw a RangeError for data read from a file.
    const text = JSON.stringify({ timeMs: 0, frequencyHz: 868_100_000, sf: 5, bw: 125,
      phyPayload: '40F17DBE4900020001954378762B11FF0D' });
    const report = validateTrace(parseTrace(text), { region: EU868, keys: {} });
    expect(report.frames).toHaveLength(1);
    expect(report.frames[0]!.toaMs).toBeUndefined();
    expect(report.notes.some((n) => n.includes('SF5'))).toBe(true);
  });

  it('parseTrace refuses a DevAddr that is not hex instead of reporting "00000NaN"', () => {
    // Found by "trace parsing and validation": parseInt('', 16) gave NaN, shown as 00000NaN.
    const text = JSON.stringify({ deduplicationId: 'x', time: '2026-03-01T12:00:00Z',
      txInfo: { frequency: 868_100_000, modulation: { lora: { spreadingFactor: 7,
        bandwidth: 125_000 } } }, devAddr: '', fCnt: 1 });
    expect(() => parseTrace(text)).toThrow(LoireError);
    expect(() => parseTrace(text)).toThrow(/line 1: devAddr '' is not a hex DevAddr/);
  });
});
