/**
 * `loire codec`: list the registered codecs, decode and encode payloads with them, and build
 * self-contained ES5 scripts for ChirpStack, The Things Stack or the plain TS013 API.
 *
 *   loire codec list [--json]
 *   loire codec decode <id> <hex|base64> --fport N [--recv-time ISO] [--style S] [--downlink]
 *                      [--json]
 *   loire codec encode <id> --data '<json>' [--fport N] [--uplink] [--json]
 *   loire codec build <id> --target chirpstack|tts|ts013 [-o FILE] [--style S] [--json]
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import pkg from '../../package.json' with { type: 'json' };
import {
  decodeDownlink,
  decodeUplink,
  describeCodec,
  encodeDownlink,
  encodeUplink,
  getCodec,
  listCodecs,
  type CodecDefinition,
  type Ts013Options,
} from '../../codecs/index.js';
import { bytesToHex, parseBytes } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';
import { intOption, parseArgs, UsageError } from '../args.js';
import {
  MAX_SCRIPT_BYTES,
  SCRIPT_TARGETS,
  TARGET_STYLES,
  wrapCodecScript,
  type ScriptTarget,
} from '../codec-script.js';
import { reportError, type Io } from '../io.js';

const USAGE = [
  'usage: loire codec list [--json]',
  '       loire codec decode <id> <hex|base64> --fport N [--recv-time ISO] [--style S]',
  '                          [--downlink] [--json]',
  "       loire codec encode <id> --data '<json>' [--fport N] [--uplink] [--json]",
  '       loire codec build <id> --target chirpstack|tts|ts013 [-o FILE] [--style S]',
  '                         [--json]',
].join('\n');

/** Runs `loire codec ...`; returns the exit status. */
export async function run(argv: string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  try {
    const [sub, ...rest] = argv;
    switch (sub) {
      case 'list':
        return list(rest, io);
      case 'decode':
        return decode(rest, io);
      case 'encode':
        return encode(rest, io);
      case 'build':
        return build(rest, io);
      case undefined:
      case '--help':
      case 'help':
        io.out(USAGE);
        return sub === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown codec subcommand '${sub}' (list, decode, encode, build)`);
    }
  } catch (e) {
    return reportError(e, io, json);
  }
}

function requireCodec(id: string | undefined): CodecDefinition {
  if (id === undefined) throw new UsageError('missing codec id (see: loire codec list)');
  const codec = getCodec(id);
  if (codec === undefined) {
    throw new UsageError(`unknown codec '${id}' (see: loire codec list)`, 'UNKNOWN_CODEC');
  }
  return codec;
}

/** The variables that select `style`, checked against the codec's styles. */
function styleOptions(codec: CodecDefinition, style: string | undefined): Ts013Options {
  if (style === undefined) return {};
  const names = (codec.styles ?? []).map((s) => s.name);
  if (names.length === 0) throw new UsageError(`--style: ${codec.id} has no output styles`);
  if (!names.includes(style)) {
    throw new UsageError(`--style: expected one of ${names.join(', ')}, got '${style}'`);
  }
  return { variables: { style } };
}

function list(argv: string[], io: Io): number {
  const args = parseArgs(argv, { booleans: ['json'] });
  if (args.positionals.length > 0) throw new UsageError(`codec list takes no argument`);
  const infos = listCodecs();
  if (args.flags['json']) {
    // Schemas and examples are long; `list --json` gives the metadata only.
    io.out(JSON.stringify(infos.map(({ uplinkSchema, downlinkSchema, examples, ...rest }) =>
      rest)));
    return 0;
  }
  // Columns as wide as their longest entry (NAS devices list six FPorts).
  const portsOf = (c: (typeof infos)[number]): string =>
    c.uplinkFPorts.length > 0 ? c.uplinkFPorts.join(',') : 'any';
  let idWidth = 0;
  let portsWidth = 0;
  for (const c of infos) {
    idWidth = Math.max(idWidth, c.id.length);
    portsWidth = Math.max(portsWidth, portsOf(c).length);
  }
  for (const c of infos) {
    io.out(`${c.id.padEnd(idWidth)}  ${c.category.padEnd(9)} fPorts ` +
      `${portsOf(c).padEnd(portsWidth)}  ${c.operations.join(' ')}`);
  }
  return 0;
}

/** The payload argument as bytes, or an error saying it is neither hex nor base64, and why. */
function payloadBytes(text: string): Uint8Array {
  try {
    return parseBytes(text);
  } catch (e) {
    const shown = JSON.stringify(text.length > 60 ? text.slice(0, 60) + '...' : text);
    throw new LoireError('BAD_ENCODING',
      `<payload>: neither hex nor base64 (${(e as Error).message}): ${shown}`,
      { field: 'payload' });
  }
}

function decode(argv: string[], io: Io): number {
  const args = parseArgs(argv, {
    values: ['fport', 'recv-time', 'style'],
    booleans: ['json', 'downlink'],
  });
  const [id, payload, ...extra] = args.positionals;
  const codec = requireCodec(id);
  if (payload === undefined) throw new UsageError('missing payload (hex or base64)');
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  if (args.values['fport'] === undefined) throw new UsageError('--fport is required');
  const fPort = intOption(args.values['fport'], 'fport', 1, 255);
  const recvTime = args.values['recv-time'];
  if (recvTime !== undefined && Number.isNaN(Date.parse(recvTime))) {
    throw new UsageError(`--recv-time: expected an ISO 8601 time, got '${recvTime}'`);
  }
  const options = styleOptions(codec, args.values['style']);
  const input = { bytes: payloadBytes(payload), fPort, ...(recvTime ? { recvTime } : {}) };
  const result = args.flags['downlink']
    ? decodeDownlink(codec, input, options)
    : decodeUplink(codec, input, options);
  const json = args.flags['json'] === true;
  if (result.errors.length > 0) return codecFailure(result.errors, io, json);
  io.out(args.flags['json'] ? JSON.stringify(result) : JSON.stringify(result, null, 2));
  return 0;
}

function encode(argv: string[], io: Io): number {
  const args = parseArgs(argv, { values: ['data', 'fport'], booleans: ['json', 'uplink'] });
  const [id, ...extra] = args.positionals;
  const codec = requireCodec(id);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const text = args.values['data'];
  if (text === undefined) throw new UsageError("--data '<json>' is required");
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`--data: not JSON (${(e as Error).message})`);
  }
  const wanted = args.values['fport'];
  const fPort = wanted === undefined ? undefined : intOption(wanted, 'fport', 1, 255);
  const input = { data, ...(fPort === undefined ? {} : { fPort }) };
  const uplink = args.flags['uplink'] === true;
  if (!uplink && codec.encodeDownlink === undefined && codec.encodeUplink !== undefined) {
    throw new UsageError(`${codec.id} has no downlink to encode; add --uplink to encode what ` +
      'the device sends', 'NO_ENCODER');
  }
  const result = uplink ? encodeUplink(codec, input) : encodeDownlink(codec, input);
  const json = args.flags['json'] === true;
  if (result.errors.length > 0) return codecFailure(result.errors, io, json);
  if (fPort !== undefined && result.fPort !== fPort) {
    throw new UsageError(`--fport ${fPort}: ${codec.id} sends this message on fPort ` +
      `${String(result.fPort)}`, 'FPORT_MISMATCH');
  }
  const hex = bytesToHex(Uint8Array.from(result.bytes));
  if (args.flags['json']) {
    io.out(JSON.stringify({ bytes: hex, fPort: result.fPort, warnings: result.warnings }));
  } else {
    io.out(`fPort ${String(result.fPort)}: ${hex}`);
    for (const w of result.warnings) io.err(`loire: warning: ${w}`);
  }
  return 0;
}

function codecFailure(errors: string[], io: Io, json: boolean): number {
  const message = errors.join('; ');
  if (json) io.out(JSON.stringify({ error: { code: 'CODEC_ERROR', message } }));
  else io.err(`loire: ${message}`);
  return 2;
}

/** Finds the prebuilt bodies both from the sources (tests) and from dist/cli (installed). */
function scriptsDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  // tsup may put this module in dist/ (a chunk) or dist/cli/; the sources sit in cli/commands/.
  const candidates = [
    resolve(here, 'codec-scripts'),
    resolve(here, '..', 'codec-scripts'),
    resolve(here, '..', '..', 'dist', 'codec-scripts'),
  ];
  for (const c of candidates) if (existsSync(join(c, 'index.json'))) return c;
  throw new UsageError('codec scripts are not built: run `npm run build` first', 'NOT_BUILT');
}

/**
 * Reads the prebuilt ES5 body of one codec from dist/codec-scripts (or `dir`, which holds an
 * `index.json` in the same shape).
 *
 * @throws UsageError `NOT_BUILT` when there is no body, `TOO_LARGE` when the index records the
 *   body as over the script limit.
 */
export function readCodecBody(id: string, dir: string = scriptsDir()): string {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    scripts: { id: string; file: string; bytes: number; oversize?: boolean }[];
  };
  const entry = index.scripts.find((s) => s.id === id);
  if (entry === undefined) {
    throw new UsageError(`no built script for ${id}: run \`npm run build\``, 'NOT_BUILT');
  }
  if (entry.oversize === true) {
    throw new UsageError(`${id}: the codec is ${entry.bytes} bytes even minified, over the ` +
      `${MAX_SCRIPT_BYTES}-byte limit of network servers; use the library or the CLI`,
      'TOO_LARGE');
  }
  return readFileSync(join(dir, entry.file), 'utf8');
}

/** True when the built body of `id` (in dist/codec-scripts or `dir`) is too large for a script. */
export function isOversizeCodec(id: string, dir: string = scriptsDir()): boolean {
  const index = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as {
    scripts: { id: string; oversize?: boolean }[];
  };
  return index.scripts.find((s) => s.id === id)?.oversize === true;
}

/**
 * The complete script of `codec` for `target` (style defaulting to the target's own when the
 * codec offers it, else the codec's default).
 *
 * @throws UsageError for a style the codec lacks or a script over the size limit.
 */
export function buildCodecScript(
  codec: CodecDefinition,
  target: ScriptTarget,
  style?: string,
): string {
  const names = (codec.styles ?? []).map((s) => s.name);
  if (style !== undefined) styleOptions(codec, style);
  let chosen = style;
  if (chosen === undefined && names.length > 0) {
    chosen = names.includes(TARGET_STYLES[target]) ? TARGET_STYLES[target] : names[0];
  }
  const script = wrapCodecScript(readCodecBody(codec.id), {
    id: codec.id,
    target,
    ...(chosen === undefined ? {} : { style: chosen }),
    normalize: target === 'tts' && typeof codec.normalizeUplink === 'function',
    version: pkg.version,
  });
  const size = Buffer.byteLength(script);
  if (size > MAX_SCRIPT_BYTES) {
    throw new UsageError(`${codec.id}: the script is ${size} bytes, over the ` +
      `${MAX_SCRIPT_BYTES}-byte limit of network servers`, 'TOO_LARGE');
  }
  return script;
}

function build(argv: string[], io: Io): number {
  // `-o FILE` is the one short flag; parseArgs knows long ones only.
  const words = argv.map((w) => (w === '-o' ? '--output' : w));
  const args = parseArgs(words, { values: ['target', 'output', 'style'], booleans: ['json'] });
  const [id, ...extra] = args.positionals;
  const codec = requireCodec(id);
  if (extra.length > 0) throw new UsageError(`unexpected argument '${extra[0]}'`);
  const target = args.values['target'] as ScriptTarget | undefined;
  if (target === undefined) {
    throw new UsageError(`--target is required: one of ${SCRIPT_TARGETS.join(', ')}`);
  }
  if (!SCRIPT_TARGETS.includes(target)) {
    throw new UsageError(`--target: expected one of ${SCRIPT_TARGETS.join(', ')}, got ` +
      `'${String(target)}'`);
  }
  const style = args.values['style'];
  const script = buildCodecScript(codec, target, style);
  const output = args.values['output'];
  if (output === undefined) {
    if (target === 'ts013') {
      throw new UsageError('--target ts013 also writes examples.json and schemas: give -o FILE');
    }
    io.out(script);
    return 0;
  }
  const file = resolve(output);
  const written: string[] = [];
  try {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, script);
    written.push(file);
    if (target === 'ts013') written.push(...writeTs013Extras(codec, dirname(file), style));
  } catch (e) {
    // A directory given as FILE, a read-only place: say which and why, not a stack trace.
    throw new UsageError(`-o ${output}: cannot write: ${(e as Error).message}`, 'WRITE_FAILED');
  }
  for (const f of written) {
    io.err(`loire: wrote ${relative(process.cwd(), f) || f} (${readFileSync(f).length} bytes)`);
  }
  return 0;
}

/** examples.json and the uplink/downlink JSON Schemas, beside a ts013 script. */
function writeTs013Extras(
  codec: CodecDefinition,
  dir: string,
  style: string | undefined,
): string[] {
  const info = describeCodec(codec);
  const chosenStyle = style ?? (info.styles.includes('neutral') ? 'neutral' : info.styles[0]);
  const styled = codec.styles?.find((s) => s.name === chosenStyle);
  const examples = codec.examples.map((ex) => ({
    description: ex.description,
    type: ex.operation,
    input:
      ex.operation === 'encodeDownlink'
        ? { data: ex.data, ...(ex.variables ? { variables: ex.variables } : {}) }
        : {
            bytes: Array.from(parseBytes(ex.bytesHex)),
            fPort: ex.fPort,
            ...(ex.recvTime ? { recvTime: ex.recvTime } : {}),
            ...(ex.variables ? { variables: ex.variables } : {}),
          },
    output:
      ex.operation === 'encodeDownlink'
        ? ex.errors && ex.errors.length > 0
          ? { bytes: [], errors: ex.errors, warnings: ex.warnings ?? [] }
          : { bytes: Array.from(parseBytes(ex.bytesHex)), fPort: ex.fPort, errors: [],
              warnings: ex.warnings ?? [] }
        : { data: ex.data, errors: ex.errors ?? [], warnings: ex.warnings ?? [] },
    source: ex.source,
  }));
  const files: [string, unknown][] = [
    ['examples.json', examples],
    ['uplink.schema.json', styled ? styled.uplinkSchema : codec.uplinkSchema],
  ];
  if (codec.downlinkSchema) files.push(['downlink.schema.json', codec.downlinkSchema]);
  return files.map(([name, value]) => {
    const f = join(dir, name);
    writeFileSync(f, JSON.stringify(value, null, 2) + '\n');
    return f;
  });
}
