/**
 * `loire validate` on trace files that cannot be right: every such file exits 2 with an error
 * naming its line, instead of a raw error without a line or a silent guess.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Io } from '../../cli/io.js';
import { runCli } from '../../cli/run.js';

const dir = mkdtempSync(join(tmpdir(), 'loire-trace-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** lora-packet's "should parse data payload" frame (mac.json `lp-decode-data-up`), FCnt 2. */
const GOOD = '{"timeMs":0,"frequencyHz":868100000,"dr":5,' +
  '"phyPayload":"40F17DBE4900020001954378762B11FF0D"}';
/** The same device's next frame, FCnt 3 (MIC not checked: no key given). */
const NEXT = (extra: string): string => `{"timeMs":200000,"frequencyHz":868100000,${extra}` +
  '"phyPayload":"40F17DBE4900030001954378762B11FF0D"}';

async function validateLines(name: string, second: string): Promise<{ rc: number; out: string }> {
  const path = join(dir, `${name}.jsonl`);
  writeFileSync(path, `${GOOD}\n${second}\n`);
  const stdout: string[] = [];
  const io: Io = { out: (t) => stdout.push(t), err: (t) => stdout.push(t), isTty: false };
  const rc = await runCli(['validate', path, '--json'], io);
  return { rc, out: stdout.join('\n') };
}

describe('loire validate with a malformed second line', () => {
  const cases: [string, string, RegExp][] = [
    ['cut JSON', '{"timeMs":1000,', /line 2: not JSON/],
    ['no time', NEXT('"dr":5,').replace('"timeMs":200000,', ''), /line 2: no time/],
    ['SF 99', NEXT('"sf":99,"bw":125,'), /line 2: sf 99 is not a spreading factor/],
    ['DR 1.5', NEXT('"dr":1.5,'), /line 2: dr 1.5 is not a data rate index/],
    ['DR -1', NEXT('"dr":-1,'), /line 2: dr -1 is not a data rate index/],
    ['direction', NEXT('"dr":5,"direction":"sideways",'), /line 2: direction 'sideways'/],
    ['bandwidth 0', NEXT('"sf":7,"bw":0,'), /line 2: bandwidth 0 is not a positive/],
    ['payload junk', NEXT('"dr":5,').replace(/"phyPayload":"[^"]*"/, '"phyPayload":"zz"'),
      /line 2: phyPayload: /],
    ['not an object', '[1,2]', /line 2: expected a JSON object/],
  ];
  for (const [what, line2, message] of cases) {
    test(`${what}: exit 2 naming line 2`, async () => {
      const { rc, out } = await validateLines(what.replace(/\W/g, '_'), line2);
      expect(rc).toBe(2);
      const e = JSON.parse(out) as { error: { code: string; message: string } };
      expect(e.error.code).toBe('BAD_ENCODING');
      expect(e.error.message).toMatch(message);
    });
  }

  test('the well-formed trace passes (the cases above differ only on line 2)', async () => {
    const { rc, out } = await validateLines('good', NEXT('"dr":5,'));
    expect(out).not.toMatch(/"error"/);
    expect(rc).toBe(0);
  });
});
