/**
 * `loire validate <trace>`: checks a device's recorded traffic (JSON lines) against the rules
 * of LoRaWAN, the regional parameters and the duty cycle. Exit 1 on a violation, 0 when
 * clean, 2 when the trace or the options cannot be read.
 *
 *   loire validate trace.jsonl --nwkskey 2B7E... --appskey ... [--json]
 *   loire validate trace.jsonl --appkey ... --codec milesight/em300-th
 */
import { readFileSync } from 'node:fs';
import { hexToBytes } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';
import { regionById } from '../../src/region/index.js';
import { parseTrace } from '../../simulator/validate/parse.js';
import {
  validateTrace,
  type ValidationKeys,
  type ValidateOptions,
} from '../../simulator/validate/index.js';
import { parseArgs, UsageError } from '../args.js';
import { reportError, type Io } from '../io.js';

const KEY_FLAGS: Record<string, keyof ValidationKeys> = {
  nwkskey: 'nwkSKey',
  appskey: 'appSKey',
  appkey: 'appKey',
  nwkkey: 'nwkKey',
  fnwksintkey: 'fNwkSIntKey',
  snwksintkey: 'sNwkSIntKey',
  nwksenckey: 'nwkSEncKey',
};

const HELP = `usage: loire validate <trace.jsonl> [options]
  --region eu868|us915|as923   regional parameters (default eu868)
  --lorawan 1.0|1.1            LoRaWAN version of the device (default 1.0)
  --nwkskey, --appskey, --appkey, --nwkkey, --fnwksintkey, --snwksintkey, --nwksenckey HEX
  --keys FILE                  the same keys as JSON ({"nwkSKey": "...", ...})
  --codec ID                   decode application payloads with this codec
  --devnonce counter|random    DevNonce rule (default counter, TS001-1.0.4)
  --policy credits|off-time|both  duty-cycle rules to check (default both)
  --no-repeater                size limits from the table without repeater
  --search-fcnt                find an ABP 1.0 device's FCnt above 65535 from its first MIC
  --json                       the report as JSON`;

function key(hex: string, name: string): Uint8Array {
  let k: Uint8Array;
  try {
    k = hexToBytes(hex);
  } catch {
    throw new UsageError(`--${name}: expected 32 hex digits`);
  }
  if (k.length !== 16) {
    throw new UsageError(`--${name}: expected 32 hex digits, got ${k.length * 2}`);
  }
  return k;
}

function readKeysFile(path: string): ValidationKeys {
  let obj: unknown;
  try {
    obj = JSON.parse(readFileSync(path, 'utf8'));
  } catch (e) {
    throw new UsageError(`--keys: cannot read ${path}: ${(e as Error).message}`);
  }
  if (typeof obj !== 'object' || obj === null) {
    throw new UsageError(`--keys: ${path} is not a JSON object`);
  }
  if (Array.isArray(obj)) throw new UsageError(`--keys: ${path} is not a JSON object`);
  const out: ValidationKeys = {};
  for (const [k, v] of Object.entries(obj as Record<string, unknown>)) {
    const field = KEY_FLAGS[k.toLowerCase()];
    // A misspelt name or a value that is not a string would leave MICs silently unchecked.
    if (field === undefined) {
      throw new UsageError(`--keys: ${path}: unknown key '${k}' (expected ` +
        `${Object.values(KEY_FLAGS).join(', ')})`);
    }
    if (typeof v !== 'string') {
      throw new UsageError(`--keys: ${path}: ${k} is not a string of 32 hex digits`);
    }
    out[field] = key(v, `keys ${k}`) as never;
  }
  return out;
}

/** Runs `loire validate`. */
export async function run(argv: string[], io: Io): Promise<number> {
  let json = argv.includes('--json');
  try {
    const args = parseArgs(argv, {
      values: [
        'region', 'lorawan', 'keys', 'codec', 'devnonce', 'policy', ...Object.keys(KEY_FLAGS),
      ],
      booleans: ['json', 'help', 'no-repeater', 'search-fcnt'],
    });
    json = args.flags.json === true;
    if (args.flags.help) {
      io.out(HELP);
      return 0;
    }
    if (args.positionals.length !== 1) throw new UsageError('expected one trace file');
    const v = args.values;
    const lorawan = v.lorawan ?? '1.0';
    if (!['1.0', '1.0.4', '1.1'].includes(lorawan)) {
      throw new UsageError(`--lorawan: expected 1.0 or 1.1, got '${lorawan}'`);
    }
    const devNonce = v.devnonce ?? 'counter';
    if (devNonce !== 'counter' && devNonce !== 'random') {
      throw new UsageError(`--devnonce: expected counter or random, got '${devNonce}'`);
    }
    const policy = v.policy ?? 'both';
    if (policy !== 'credits' && policy !== 'off-time' && policy !== 'both') {
      throw new UsageError(`--policy: expected credits, off-time or both, got '${policy}'`);
    }
    const keys: ValidationKeys = v.keys !== undefined ? readKeysFile(v.keys) : {};
    for (const [flag, field] of Object.entries(KEY_FLAGS)) {
      if (v[flag] !== undefined) keys[field] = key(v[flag], flag) as never;
    }

    let region;
    try {
      region = regionById(v.region ?? 'eu868');
    } catch (e) {
      throw new UsageError(`--region: ${(e as Error).message.replace(/^region: /, '')}`);
    }
    const options: ValidateOptions = {
      region,
      lorawan: lorawan === '1.1' ? '1.1' : '1.0',
      keys,
      devNonce,
      dutyCyclePolicy: policy,
      repeater: !args.flags['no-repeater'],
      searchFCnt: args.flags['search-fcnt'] === true,
    };
    if (v.codec !== undefined) options.decode = await codecDecoder(v.codec);
    if (io.isTty) {
      options.onProgress = (done, total) => {
        if (total >= 5000) io.err(`validate: ${done}/${total} frames`);
      };
    }

    let text: string;
    try {
      text = readFileSync(args.positionals[0]!, 'utf8');
    } catch (e) {
      throw new UsageError(`cannot read ${args.positionals[0]}: ${(e as Error).message}`);
    }
    const frames = parseTrace(text);
    const report = validateTrace(frames, options);

    if (json) {
      io.out(JSON.stringify(report));
    } else {
      for (const f of report.frames) {
        const mhz = `${(f.frequencyHz / 1e6).toFixed(3)} MHz`;
        const parts = [`line ${f.line}`, f.direction, f.type, mhz];
        if (f.dr !== undefined) parts.push(`DR${f.dr}`);
        if (f.devNonce !== undefined) parts.push(`DevNonce ${f.devNonce}`);
        if (f.devAddr !== undefined) parts.push(`DevAddr ${f.devAddr}`);
        if (f.fCnt !== undefined) {
          parts.push(`FCnt ${f.fCnt}${f.retransmission ? ' (repeat)' : ''}`);
        }
        if (f.toaMs !== undefined) parts.push(`${f.toaMs.toFixed(1)} ms`);
        if (f.duplicate) parts.push('copy of an earlier line');
        else parts.push(`MIC ${f.mic}`);
        if (f.macCommands) parts.push(f.macCommands.join(','));
        if (f.decoded !== undefined) parts.push(JSON.stringify(f.decoded));
        io.out(parts.join('  '));
      }
      for (const n of report.notes) io.out(`note: ${n}`);
      for (const x of report.violations) io.out(`line ${x.line}: ${x.rule}: ${x.message}`);
      const s = report.summary;
      io.out(`${s.frames} frames (${s.uplinks} up, ${s.downlinks} down), ` +
        `MIC ok ${s.micOk}, bad ${s.micBad}, ` +
        `unchecked ${s.micUnchecked}; ${report.violations.length} violation(s)`);
    }
    return report.violations.length > 0 ? 1 : 0;
  } catch (e) {
    return reportError(e, io, json);
  }
}

/** The decoder of codec `id` from the codec registry, when this build has one. */
async function codecDecoder(id: string): Promise<(fPort: number, bytes: Uint8Array) => unknown> {
  const mod = (await import('../../codecs/index.js')) as Record<string, unknown>;
  type Decoder = { id?: string; decodeUplink?: (input: unknown) => { data: unknown } };
  let codec: Decoder | undefined;
  if (typeof mod.getCodec === 'function') codec = mod.getCodec(id) as Decoder | undefined;
  else {
    // Until the registry lands, look through the vendors' exported codec lists.
    const lists = Object.values(mod).filter(Array.isArray) as unknown[][];
    if (lists.length === 0) {
      throw new LoireError('UNSUPPORTED', '--codec: this build has no codec registry');
    }
    codec = lists.flat().find((c) => (c as Decoder)?.id === id.toLowerCase()) as Decoder;
  }
  if (codec === undefined || typeof codec.decodeUplink !== 'function') {
    throw new UsageError(`--codec: unknown codec '${id}'`);
  }
  const decode = codec.decodeUplink.bind(codec);
  return (fPort, bytes) => decode({ bytes: Array.from(bytes), fPort, variables: {} }).data;
}
