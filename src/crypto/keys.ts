/**
 * Session and join-server key derivation: LoRaWAN 1.0.x (TS001-1.0.4 §6.2.6), 1.1
 * (TS001-1.1 §6.2.3 with OptNeg, §6.1.1.3 join-server keys) and the relay WOR keys
 * (TS011 relay specification, WOR session keys).
 *
 * Every key is AES-128-encrypt(root key, one 16-byte block: a type byte, then fields in wire
 * (little-endian) order, zero padding). Numbers (JoinNonce, NetID, DevNonce, DevAddr) are
 * given as people write them, and EUIs as 8 big-endian bytes; this code reverses them.
 */
import { Aes128Core } from './aes.js';
import { toAes, type KeyInput } from './key-input.js';
import { checkUint, euiBytes, netIdNumber } from './params.js';

/** Session keys of a LoRaWAN 1.0.x device. */
export interface SessionKeys10 {
  /** Network session key: MIC and FOpts/FPort 0 encryption. */
  nwkSKey: Uint8Array;
  /** Application session key: FRMPayload encryption for FPort > 0. */
  appSKey: Uint8Array;
}

/** Inputs of a LoRaWAN 1.0.x join. */
export interface SessionKeyInput10 {
  /** AppKey, the device root key (16 bytes, or an expanded `createAes128` object). */
  appKey: KeyInput;
  /** AppNonce (called JoinNonce in 1.0.4 and 1.1), 24 bits, e.g. 0x376338. */
  joinNonce: number;
  /** NetID, 24 bits: a number such as 0x000013, or 6 hex digits such as '000013'. */
  netId: number | string;
  /** DevNonce from the Join-Request, 16 bits, e.g. 0xf18e. */
  devNonce: number;
}

/** Session keys of a LoRaWAN 1.1 device. */
export interface SessionKeys11 {
  /** Forwarding network session integrity key (cmacF half of the uplink MIC). */
  fNwkSIntKey: Uint8Array;
  /** Serving network session integrity key (cmacS half, downlink MICs). */
  sNwkSIntKey: Uint8Array;
  /** Network session encryption key (FOpts, FPort 0 payloads). */
  nwkSEncKey: Uint8Array;
  /** Application session key. */
  appSKey: Uint8Array;
}

/** Inputs of a LoRaWAN 1.1 join. */
export interface SessionKeyInput11 {
  /** NwkKey (root of the network keys). */
  nwkKey: KeyInput;
  /** AppKey (root of AppSKey). */
  appKey: KeyInput;
  /** JoinNonce from the Join-Accept, 24 bits. */
  joinNonce: number;
  /** DevNonce of the Join-Request (or RJcount of a Rejoin-Request), 16 bits. */
  devNonce: number;
  /**
   * JoinEUI, big-endian as people write it: 8 bytes or 16 hex digits. Needed when `optNeg` is
   * true.
   */
  joinEui?: Uint8Array | string;
  /** NetID, 24 bits, as a number or 6 hex digits. Needed when `optNeg` is false. */
  netId?: number | string;
  /**
   * The Join-Accept's OptNeg bit (DLSettings bit 7). True (default): 1.1 derivation. False: the
   * network runs 1.0, so the device derives as in 1.0 from NwkKey (TS001-1.1 §6.2.3):
   * AppSKey from type 0x02, and FNwkSIntKey = SNwkSIntKey = NwkSEncKey from type 0x01.
   */
  optNeg?: boolean;
}

/** Join-server keys of a LoRaWAN 1.1 device. */
export interface JoinServerKeys {
  /** Join-Accept MIC key (with OptNeg) and type-1 Rejoin-Request MIC key. */
  jsIntKey: Uint8Array;
  /** Encryption key of Join-Accepts answering Rejoin-Requests. */
  jsEncKey: Uint8Array;
}

/** Relay session keys of a wake-on-radio link. */
export interface WorSessionKeys {
  /** Integrity key of WOR frames. */
  worSIntKey: Uint8Array;
  /** Encryption key of WOR frames. */
  worSEncKey: Uint8Array;
}

const BLOCK = new Uint8Array(16);

function derive(aes: Aes128Core, block: Uint8Array): Uint8Array {
  return aes.encryptBlock(block, new Uint8Array(16));
}

function putLE(b: Uint8Array, off: number, value: number, bytes: number): number {
  for (let i = 0; i < bytes; i++) b[off + i] = Math.floor(value / 2 ** (8 * i)) & 0xff;
  return off + bytes;
}

function putEuiLE(b: Uint8Array, off: number, eui: Uint8Array): number {
  for (let i = 0; i < 8; i++) b[off + i] = eui[7 - i]!;
  return off + 8;
}

/** type | JoinNonce (LE 3) | NetID (LE 3) | DevNonce (LE 2) | pad, TS001-1.0.4 §6.2.6. */
function block10(type: number, joinNonce: number, netId: number, devNonce: number): Uint8Array {
  BLOCK.fill(0);
  BLOCK[0] = type;
  let o = putLE(BLOCK, 1, joinNonce, 3);
  o = putLE(BLOCK, o, netId, 3);
  putLE(BLOCK, o, devNonce, 2);
  return BLOCK;
}

/** type | JoinNonce (LE 3) | JoinEUI (LE 8) | DevNonce (LE 2) | pad, TS001-1.1 §6.2.3. */
function block11(type: number, joinNonce: number, joinEui: Uint8Array, devNonce: number) {
  BLOCK.fill(0);
  BLOCK[0] = type;
  let o = putLE(BLOCK, 1, joinNonce, 3);
  o = putEuiLE(BLOCK, o, joinEui);
  putLE(BLOCK, o, devNonce, 2);
  return BLOCK;
}

/**
 * LoRaWAN 1.0.x session keys (TS001-1.0.4 §6.2.6):
 * NwkSKey = aes128_encrypt(AppKey, 0x01 | AppNonce | NetID | DevNonce | pad16),
 * AppSKey likewise with 0x02.
 *
 * @param input - appKey, joinNonce (AppNonce), netId, devNonce, numbers as people write them
 * @returns `{ nwkSKey, appSKey }`, 16 bytes each
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example
 * ```ts
 * deriveSessionKeys10({ appKey, joinNonce: 0x376338, netId: 0xaabbcc, devNonce: 0xf18e });
 * ```
 */
export function deriveSessionKeys10(input: SessionKeyInput10): SessionKeys10 {
  const aes = toAes(input.appKey, 'appKey');
  const joinNonce = checkUint(input.joinNonce, 'joinNonce', 24);
  const netId = netIdNumber(input.netId, 'netId');
  const devNonce = checkUint(input.devNonce, 'devNonce', 16);
  return {
    nwkSKey: derive(aes, block10(0x01, joinNonce, netId, devNonce)),
    appSKey: derive(aes, block10(0x02, joinNonce, netId, devNonce)),
  };
}

/**
 * LoRaWAN 1.1 session keys (TS001-1.1 §6.2.3). With OptNeg set:
 * FNwkSIntKey, SNwkSIntKey, NwkSEncKey = aes128_encrypt(NwkKey, 0x01 / 0x03 / 0x04 |
 * JoinNonce | JoinEUI | DevNonce | pad16), AppSKey = aes128_encrypt(AppKey, 0x02 | ...).
 * With OptNeg unset: the 1.0 rules keyed by NwkKey (see {@link SessionKeyInput11.optNeg}).
 *
 * @param input - nwkKey, appKey, joinNonce, devNonce, and joinEui (OptNeg) or netId (no OptNeg)
 * @returns the four session keys, 16 bytes each
 * @throws {TypeError|RangeError} naming a wrong or missing argument
 * @example
 * ```ts
 * deriveSessionKeys11({ nwkKey, appKey, joinNonce: 3, joinEui, devNonce: 0xe8c2 });
 * ```
 */
export function deriveSessionKeys11(input: SessionKeyInput11): SessionKeys11 {
  const nwk = toAes(input.nwkKey, 'nwkKey');
  const joinNonce = checkUint(input.joinNonce, 'joinNonce', 24);
  const devNonce = checkUint(input.devNonce, 'devNonce', 16);
  const optNeg = input.optNeg ?? true;
  if (typeof optNeg !== 'boolean') {
    throw new TypeError(`optNeg: expected a boolean, got ${typeof optNeg}`);
  }
  if (!optNeg) {
    if (input.netId === undefined) {
      throw new TypeError('netId: required when optNeg is false (1.0 derivation)');
    }
    const netId = netIdNumber(input.netId, 'netId');
    const nwkSKey = derive(nwk, block10(0x01, joinNonce, netId, devNonce));
    return {
      fNwkSIntKey: nwkSKey,
      sNwkSIntKey: nwkSKey.slice(),
      nwkSEncKey: nwkSKey.slice(),
      appSKey: derive(nwk, block10(0x02, joinNonce, netId, devNonce)),
    };
  }
  const app = toAes(input.appKey, 'appKey');
  if (input.joinEui === undefined) {
    throw new TypeError('joinEui: required when optNeg is true (1.1 derivation)');
  }
  const joinEui = euiBytes(input.joinEui, 'joinEui');
  return {
    fNwkSIntKey: derive(nwk, block11(0x01, joinNonce, joinEui, devNonce)),
    sNwkSIntKey: derive(nwk, block11(0x03, joinNonce, joinEui, devNonce)),
    nwkSEncKey: derive(nwk, block11(0x04, joinNonce, joinEui, devNonce)),
    appSKey: derive(app, block11(0x02, joinNonce, joinEui, devNonce)),
  };
}

/**
 * LoRaWAN 1.1 join-server keys (TS001-1.1 §6.1.1.3): JSIntKey = aes128_encrypt(NwkKey,
 * 0x06 | DevEUI | pad16), JSEncKey likewise with 0x05.
 *
 * @param input - nwkKey and devEui (8 bytes or 16 hex digits, big-endian as people write it)
 * @returns `{ jsIntKey, jsEncKey }`
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example deriveJoinServerKeys({ nwkKey, devEui: '0123456789abcdef' })
 */
export function deriveJoinServerKeys(input: {
  nwkKey: KeyInput;
  devEui: Uint8Array | string;
}): JoinServerKeys {
  const nwk = toAes(input.nwkKey, 'nwkKey');
  const devEui = euiBytes(input.devEui, 'devEui');
  const keyFor = (type: number): Uint8Array => {
    BLOCK.fill(0);
    BLOCK[0] = type;
    putEuiLE(BLOCK, 1, devEui);
    return derive(nwk, BLOCK);
  };
  return { jsIntKey: keyFor(0x06), jsEncKey: keyFor(0x05) };
}

/**
 * The relay root key (TS011 relay specification):
 * RootWorSKey = aes128_encrypt(NwkSEncKey, 0x01 | pad16). For a 1.0.x relay NwkSEncKey is
 * its NwkSKey.
 *
 * @param nwkSEncKey - the relay's NwkSEncKey (or 1.0 NwkSKey), 16 bytes or expanded
 * @returns RootWorSKey, 16 bytes
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example deriveRootWorSKey(nwkSEncKey)
 */
export function deriveRootWorSKey(nwkSEncKey: KeyInput): Uint8Array {
  const aes = toAes(nwkSEncKey, 'nwkSEncKey');
  BLOCK.fill(0);
  BLOCK[0] = 0x01;
  return derive(aes, BLOCK);
}

/**
 * Relay WOR session keys (TS011 relay specification):
 * WorSIntKey = aes128_encrypt(RootWorSKey, 0x01 | DevAddr (LE) | pad16), WorSEncKey likewise
 * with 0x02.
 *
 * @param rootWorSKey - from {@link deriveRootWorSKey}
 * @param devAddr - the relay's DevAddr as people read it (big-endian number)
 * @returns `{ worSIntKey, worSEncKey }`
 * @throws {TypeError|RangeError} naming a wrong argument
 * @example deriveWorSessionKeys(rootWorSKey, 0x01234567)
 */
export function deriveWorSessionKeys(rootWorSKey: KeyInput, devAddr: number): WorSessionKeys {
  const aes = toAes(rootWorSKey, 'rootWorSKey');
  const addr = checkUint(devAddr, 'devAddr', 32);
  const keyFor = (type: number): Uint8Array => {
    BLOCK.fill(0);
    BLOCK[0] = type;
    putLE(BLOCK, 1, addr, 4);
    return derive(aes, BLOCK);
  };
  return { worSIntKey: keyFor(0x01), worSEncKey: keyFor(0x02) };
}
