/**
 * Faults the robustness campaign found, each pinned by the smallest input that showed it.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bytesToHex, decodeMacCommands, encodeMacCommands, hexToBytes } from '../../src/index.js';
import { LoireError } from '../../src/errors.js';
import { EU868 } from '../../src/region/index.js';
import { parseTrace, validateTrace } from '../../simulator/validate/index.js';
import { ROOT } from '../vectors.js';

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

describe('campaign regressions: the built CLI', () => {
  it('ends quietly when its reader closes the pipe early (codec list | head -1)', async () => {
    // Found while writing the guides: the unhandled EPIPE crashed with a stack trace. The pipe
    // is closed before the CLI has started, so every write meets EPIPE.
    const cli = join(ROOT, 'dist', 'cli', 'main.js');
    const child = spawn(process.execPath, [cli, 'codec', 'list'], { stdio: ['ignore', 'pipe',
      'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(stderr).toBe('');
    expect(status).toBe(0);
  });
});
