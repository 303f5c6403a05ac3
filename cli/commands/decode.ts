/**
 * `loire decode <frame>`: decodes a LoRaWAN frame given in hex or base64 and, with keys,
 * checks its MIC and decrypts what the keys allow. Keys are read from flags and never printed,
 * not even when mistyped.
 */
import { parseArgs, UsageError, intOption, type ParsedArgs } from '../args.js';
import { reportError, type Io } from '../io.js';
import { frameJson, frameText } from '../frame-view.js';
import { parseBytes } from '../../src/bytes/hex.js';
import { LoireError } from '../../src/errors.js';
import { decodeFrame } from '../../src/frame/index.js';
import type {
  DecodedFrame,
  FrameKeys,
  FrameOptions,
  LorawanVersion,
} from '../../src/frame/index.js';
import { decodeDownlink, decodeUplink, getCodec } from '../../codecs/index.js';
import type { CodecDefinition } from '../../codecs/index.js';

const HELP = `usage: loire decode <frame> [options]

Decodes a LoRaWAN PHYPayload given in hex or base64. With keys it also checks the MIC,
decrypts FOpts (1.1), the FRMPayload and Join-Accepts, and reads the MAC commands.

keys (16 bytes, 32 hex digits each; never printed):
  --nwkskey, --appskey, --appkey             LoRaWAN 1.0.x
  --fnwksintkey, --snwksintkey, --nwksenckey LoRaWAN 1.1 network session keys (and --appskey)
  --nwkkey, --jsintkey, --jsenckey           LoRaWAN 1.1 root and join-server keys
options:
  --lorawan 1.0|1.1     the device's version (default 1.0)
  --fcnt <n>            full 32-bit frame counter, or the next one expected (above 65535)
  --confcnt <n>         1.1: counter of the confirmed frame acknowledged (ACK set)
  --txdr <n>, --txch <n> 1.1 uplinks: data rate and channel index (else half the MIC is checked)
  --join-eui <hex8> --dev-nonce <n> [--dev-eui <hex8>] [--join-req-type <n>]
                        1.1 Join-Accept with OptNeg: the request answered
  --codec <id>          decode the decrypted payload with a codec (loire codec list) and
                        print its TS013 result { data, errors, warnings } under "decoded"
  --json                one JSON object: mType, devAddr, fCtrl, fCnt, fOpts, fPort,
                        frmPayload, mic, micValid, payload, macCommands, ... (see README)

examples:
  loire decode 40F17DBE4900020001954378762B11FF0D \\
    --nwkskey 44024241ed4ce9a68c6a8bc055233fd3 --appskey ec925802ae430ca77fd3dd73cb2cc588
  loire decode gAQDAgEDAAAGcwcK4mTU9+EX0sA= --json`;

/** Key flags and the FrameKeys field each fills. */
const KEY_FLAGS: [string, keyof FrameKeys][] = [
  ['nwkskey', 'nwkSKey'],
  ['appskey', 'appSKey'],
  ['appkey', 'appKey'],
  ['nwkkey', 'nwkKey'],
  ['fnwksintkey', 'fNwkSIntKey'],
  ['snwksintkey', 'sNwkSIntKey'],
  ['nwksenckey', 'nwkSEncKey'],
  ['jsintkey', 'jsIntKey'],
  ['jsenckey', 'jsEncKey'],
];

const SPEC = {
  values: [
    ...KEY_FLAGS.map(([flag]) => flag),
    'lorawan', 'fcnt', 'confcnt', 'txdr', 'txch',
    'join-eui', 'dev-eui', 'dev-nonce', 'join-req-type', 'codec',
  ],
  booleans: ['json', 'help'],
};

function keysOf(args: ParsedArgs, lorawan: LorawanVersion): FrameKeys {
  const keys: FrameKeys = {};
  for (const [flag, name] of KEY_FLAGS) {
    const text = args.values[flag];
    if (text === undefined) continue;
    // The value is a secret: errors name the flag and the length, never the digits.
    if (!/^[0-9a-fA-F]{32}$/.test(text.trim())) {
      const n = text.trim().length;
      throw new UsageError(
        `--${flag}: expected 32 hex digits, got ${n} characters` +
          (n === 32 ? ', not all of them hex digits' : ''),
        'BAD_ENCODING',
      );
    }
    keys[name] = text.trim();
  }
  const only11 = ['fnwksintkey', 'snwksintkey', 'nwksenckey', 'nwkkey', 'jsintkey', 'jsenckey'];
  const only10 = ['nwkskey'];
  const wrong = (lorawan === '1.0' ? only11 : only10).find((f) => args.values[f] !== undefined);
  if (wrong !== undefined) {
    const hint = lorawan === '1.0' ? 'add --lorawan 1.1' : 'use the 1.1 keys';
    throw new UsageError(`--${wrong} is not a LoRaWAN ${lorawan} key (${hint})`);
  }
  return keys;
}

function optionsOf(args: ParsedArgs): FrameOptions {
  const v = args.values;
  const lorawan = v.lorawan ?? '1.0';
  if (lorawan !== '1.0' && lorawan !== '1.1') {
    throw new UsageError(`--lorawan: expected 1.0 or 1.1, got '${lorawan}'`);
  }
  const opts: FrameOptions = { lorawan, keys: keysOf(args, lorawan) };
  if (v.fcnt !== undefined) opts.fCnt = intOption(v.fcnt, 'fcnt', 0, 0xffffffff);
  if (v.confcnt !== undefined) opts.confFCnt = intOption(v.confcnt, 'confcnt', 0, 0xffffffff);
  if (v.txdr !== undefined) opts.txDr = intOption(v.txdr, 'txdr', 0, 255);
  if (v.txch !== undefined) opts.txCh = intOption(v.txch, 'txch', 0, 255);
  if (v['join-eui'] !== undefined || v['dev-nonce'] !== undefined) {
    const joinEui = v['join-eui'];
    if (joinEui === undefined || !/^[0-9a-fA-F]{16}$/.test(joinEui)) {
      throw new UsageError('--join-eui: expected 16 hex digits (with --dev-nonce)');
    }
    if (v['dev-nonce'] === undefined) throw new UsageError('--dev-nonce: needed with --join-eui');
    opts.joinRequest = { joinEui, devNonce: intOption(v['dev-nonce'], 'dev-nonce', 0, 0xffff) };
    const devEui = v['dev-eui'];
    if (devEui !== undefined) {
      if (!/^[0-9a-fA-F]{16}$/.test(devEui)) {
        throw new UsageError(`--dev-eui: expected 16 hex digits, got '${devEui}'`);
      }
      opts.joinRequest.devEui = devEui;
    }
    if (v['join-req-type'] !== undefined) {
      opts.joinRequest.joinReqType = intOption(v['join-req-type'], 'join-req-type', 0, 255);
    }
  }
  return opts;
}

function codecOf(args: ParsedArgs): CodecDefinition | undefined {
  const id = args.values.codec;
  if (id === undefined) return undefined;
  const codec = getCodec(id);
  if (codec === undefined) {
    const hint = '(see: loire codec list)';
    throw new UsageError(`--codec: unknown codec '${id}' ${hint}`, 'UNKNOWN_CODEC');
  }
  return codec;
}

/**
 * The codec's TS013 result for the decrypted payload: decodeUplink for uplinks, decodeDownlink
 * for downlinks. A codec error is part of that result (`errors`), not a failure of the frame.
 */
function runCodec(codec: CodecDefinition, frame: DecodedFrame): unknown {
  if (frame.type !== 'data' || frame.fPort === null || frame.fPort === 0) {
    throw new UsageError(`--codec: needs a data frame with an application FPort (1 to 255)`);
  }
  if (frame.payload === undefined) {
    throw new UsageError('--codec: the payload is encrypted; give --appskey to decrypt it');
  }
  const input = { bytes: frame.payload, fPort: frame.fPort };
  return frame.uplink ? decodeUplink(codec, input) : decodeDownlink(codec, input);
}

function frameOf(args: ParsedArgs): Uint8Array {
  if (args.positionals.length === 0) throw new UsageError('missing <frame> (hex or base64)');
  if (args.positionals.length > 1) {
    throw new UsageError(`unexpected argument '${args.positionals[1]}'`);
  }
  const text = args.positionals[0]!;
  try {
    return parseBytes(text);
  } catch (e) {
    // JSON quoting keeps the report on one line whatever the input holds; the reason (an odd
    // number of hex digits, a character base64 lacks) tells a truncated paste from a typo.
    const shown = JSON.stringify(text.length > 60 ? text.slice(0, 60) + '...' : text);
    throw new LoireError('BAD_ENCODING',
      `<frame>: neither hex nor base64 (${(e as Error).message}): ${shown}`, { field: 'frame' });
  }
}

/** Runs `loire decode`; returns 0, or 2 after reporting a usage or input error. */
export async function run(argv: string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv, SPEC);
    if (args.flags.help) {
      io.out(HELP);
      return 0;
    }
    const options = optionsOf(args);
    const codec = codecOf(args);
    const frame = decodeFrame(frameOf(args), options);
    const view = frameJson(frame);
    if (codec !== undefined) view.decoded = runCodec(codec, frame);
    if (json) {
      io.out(JSON.stringify(view));
    } else {
      io.out(frameText(frame));
      // A 1.0 uplink past FCnt 65535 carries only the 16 low bits, and its MIC then fails
      // unless the receiver restores the others (TS001-1.0.4 §4.3.1.5): say how.
      if (frame.type === 'data' && frame.uplink && frame.micValid === false &&
        options.fCnt === undefined && options.lorawan !== '1.1') {
        io.err(`loire: the MIC fails with FCnt ${frame.fCnt}; if the device is past 65535, ` +
          'give the counter expected next with --fcnt');
      }
      if (view.decoded !== undefined) {
        const text = JSON.stringify(view.decoded, null, 2).replace(/\n/g, '\n  ');
        io.out(`${'decoded'.padEnd(15)} ${text}`);
      }
    }
    return 0;
  } catch (e) {
    return reportError(withPlace(e), io, json);
  }
}

/** Adds the byte offset and field to a LoireError message that does not already say them. */
function withPlace(e: unknown): unknown {
  if (!(e instanceof LoireError)) return e;
  const where: string[] = [];
  if (e.offset !== undefined && !/offset/.test(e.message)) where.push(`byte offset ${e.offset}`);
  if (e.field !== undefined && !e.message.includes(e.field)) where.push(`field ${e.field}`);
  if (where.length === 0) return e;
  return new LoireError(e.code, `${e.message} (${where.join(', ')})`, {
    offset: e.offset,
    field: e.field,
  });
}
