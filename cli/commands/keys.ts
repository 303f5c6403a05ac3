/**
 * `loire keys`: derives LoRaWAN session keys (1.0.x, or 1.1 with --opt-neg) and join-server
 * keys from root keys and join nonces. Printing the derived keys is the purpose of this
 * command; nothing else in loire prints key material.
 */
import { parseArgs, UsageError, type ParsedArgs } from '../args.js';
import { reportError, type Io } from '../io.js';
import { bytesToHex, hexToBytes } from '../../src/bytes/hex.js';
import {
  deriveJoinServerKeys,
  deriveSessionKeys10,
  deriveSessionKeys11,
} from '../../src/crypto/index.js';

const HELP = `usage: loire keys [options]

Derives LoRaWAN session keys and join-server keys. Every value is hex, written big-endian as
people and tools display it (EUIs, nonces and NetID are reversed on the air; this command
does that for you).

  --appkey <hex16>      AppKey (1.0.x root key; 1.1 root of AppSKey)
  --nwkkey <hex16>      NwkKey (1.1 root of the network keys and join-server keys)
  --join-nonce <hex3>   JoinNonce / AppNonce from the Join-Accept, e.g. 376338
  --net-id <hex3>       NetID, e.g. 000013 (1.0.x rules)
  --dev-nonce <hex2>    DevNonce from the Join-Request, e.g. f18e
  --join-eui <hex8>     JoinEUI / AppEUI (1.1 rules)
  --dev-eui <hex8>      DevEUI: also derive JSIntKey and JSEncKey (needs --nwkkey)
  --opt-neg             the Join-Accept had OptNeg set: LoRaWAN 1.1 derivation
  --json                print {"nwkskey": ..., ...} with lowercase hex values

Without --opt-neg the 1.0 rules apply: NwkSKey and AppSKey from --appkey (a 1.0 device) or,
when --nwkkey is given, from NwkKey (a 1.1 device whose network answered without OptNeg).
With --opt-neg: FNwkSIntKey, SNwkSIntKey, NwkSEncKey from --nwkkey, AppSKey from --appkey.

examples:
  loire keys --appkey 98929b92c49edba9676d646d3b612456 --join-nonce 376338 \\
    --net-id aabbcc --dev-nonce f18e
  loire keys --nwkkey 01010101010101010101010101010101 --dev-eui 0000000000000001 --json`;

const SPEC = {
  values: ['appkey', 'nwkkey', 'join-nonce', 'net-id', 'dev-nonce', 'join-eui', 'dev-eui'],
  booleans: ['opt-neg', 'json', 'help'],
} as const;

/** Hex of exactly `bytes` bytes, naming the flag when it is not. */
function hexFlag(args: ParsedArgs, flag: string, bytes: number): Uint8Array {
  const text = args.values[flag];
  if (text === undefined) throw new UsageError(`--${flag} is required here`, 'MISSING_OPTION');
  let b: Uint8Array;
  try {
    b = hexToBytes(text);
  } catch {
    // Root keys are secrets: a mistyped one is not echoed back.
    const shown = flag === 'appkey' || flag === 'nwkkey' ? '' : `, got '${text}'`;
    throw new UsageError(`--${flag}: expected hex${shown}`, 'BAD_ENCODING');
  }
  if (b.length !== bytes) {
    throw new UsageError(
      `--${flag}: expected ${bytes} bytes (${2 * bytes} hex digits), got ${b.length}`,
      'INVALID_VALUE',
    );
  }
  return b;
}

/** A big-endian hex number of `bytes` bytes, as people write nonces and NetIDs. */
function numberFlag(args: ParsedArgs, flag: string, bytes: number): number {
  let n = 0;
  for (const b of hexFlag(args, flag, bytes)) n = n * 256 + b;
  return n;
}

/** Derives what the flags ask for, as [spec name, key] pairs in display order. */
function derive(args: ParsedArgs): [string, Uint8Array][] {
  const out: [string, Uint8Array][] = [];
  const session =
    args.values['join-nonce'] !== undefined || args.values['dev-nonce'] !== undefined;
  if (session) {
    const joinNonce = numberFlag(args, 'join-nonce', 3);
    const devNonce = numberFlag(args, 'dev-nonce', 2);
    if (args.flags['opt-neg']) {
      const k = deriveSessionKeys11({
        nwkKey: hexFlag(args, 'nwkkey', 16),
        appKey: hexFlag(args, 'appkey', 16),
        joinNonce,
        joinEui: hexFlag(args, 'join-eui', 8),
        devNonce,
      });
      out.push(['FNwkSIntKey', k.fNwkSIntKey], ['SNwkSIntKey', k.sNwkSIntKey]);
      out.push(['NwkSEncKey', k.nwkSEncKey], ['AppSKey', k.appSKey]);
    } else {
      const root = args.values.nwkkey !== undefined ? 'nwkkey' : 'appkey';
      const k = deriveSessionKeys10({
        appKey: hexFlag(args, root, 16),
        joinNonce,
        netId: numberFlag(args, 'net-id', 3),
        devNonce,
      });
      out.push(['NwkSKey', k.nwkSKey], ['AppSKey', k.appSKey]);
    }
  }
  if (args.values['dev-eui'] !== undefined) {
    const js = deriveJoinServerKeys({
      nwkKey: hexFlag(args, 'nwkkey', 16),
      devEui: hexFlag(args, 'dev-eui', 8),
    });
    out.push(['JSIntKey', js.jsIntKey], ['JSEncKey', js.jsEncKey]);
  }
  if (out.length === 0) {
    throw new UsageError(
      'nothing to derive: give --join-nonce and --dev-nonce (session keys) or --dev-eui ' +
        '(join-server keys); see loire keys --help',
      'MISSING_OPTION',
    );
  }
  return out;
}

/** Runs `loire keys`; returns 0, or 2 after reporting a usage or input error. */
export async function run(argv: string[], io: Io): Promise<number> {
  const json = argv.includes('--json');
  try {
    const args = parseArgs(argv, SPEC);
    if (args.flags.help) {
      io.out(HELP);
      return 0;
    }
    if (args.positionals.length > 0) {
      throw new UsageError(`unexpected argument '${args.positionals[0]}'`);
    }
    const keys = derive(args);
    if (json) {
      const obj: Record<string, string> = {};
      for (const [name, key] of keys) obj[name.toLowerCase()] = bytesToHex(key);
      io.out(JSON.stringify(obj));
    } else {
      io.out(keys.map(([name, key]) => `${name.padEnd(12)} ${bytesToHex(key)}`).join('\n'));
    }
    return 0;
  } catch (e) {
    return reportError(e, io, json);
  }
}
