/**
 * The keys a frame call accepts and their expansion, done once per session: every key becomes
 * an expanded CMAC object (AES key schedule plus RFC 4493 subkeys), which both the MIC and the
 * cipher functions of `src/crypto` take as is. Which key serves which role depends on the
 * LoRaWAN version (TS001-1.0.4 §6.1; TS001-1.1 §6.1.1 to §6.1.2).
 */
import { hexToBytes } from '../bytes/hex.js';
import { createCmac, type Cmac } from '../crypto/cmac.js';

/** A 16-byte AES key as bytes or as 32 hex digits (the order tools display keys in). */
export type FrameKey = Uint8Array | string;

/**
 * The keys of one device, any subset. LoRaWAN 1.0.x uses `nwkSKey`, `appSKey` and `appKey`;
 * LoRaWAN 1.1 uses `fNwkSIntKey`, `sNwkSIntKey`, `nwkSEncKey`, `appSKey`, `nwkKey`, and for
 * Join-Accepts answering with OptNeg set or rejoins `jsIntKey` / `jsEncKey`.
 */
export interface FrameKeys {
  /** 1.0.x network session key: data MICs and FPort 0 payloads. */
  nwkSKey?: FrameKey;
  /** Application session key: FRMPayload on FPort 1..255 (both versions). */
  appSKey?: FrameKey;
  /**
   * 1.0.x root key: Join-Request MIC, Join-Accept MIC and encryption. Accepted in 1.1, where
   * it only derives AppSKey, so no frame uses it.
   */
  appKey?: FrameKey;
  /** 1.1 root key: Join-Request MIC, Join-Accept encryption (and MIC without OptNeg). */
  nwkKey?: FrameKey;
  /** 1.1 forwarding network integrity key: the cmacF half of uplink MICs. */
  fNwkSIntKey?: FrameKey;
  /** 1.1 serving network integrity key: cmacS of uplink MICs, downlink and rejoin 0/2 MICs. */
  sNwkSIntKey?: FrameKey;
  /** 1.1 network encryption key: FOpts, and FRMPayload on FPort 0. */
  nwkSEncKey?: FrameKey;
  /** 1.1 join-server integrity key: Join-Accept MIC with OptNeg, Rejoin-Request type 1 MIC. */
  jsIntKey?: FrameKey;
  /** 1.1 join-server encryption key: Join-Accepts answering a Rejoin-Request. */
  jsEncKey?: FrameKey;
}

/** LoRaWAN version of the device's MAC layer. */
export type LorawanVersion = '1.0' | '1.1';

/** The names of {@link FrameKeys}, in the order errors list them. */
const KEY_NAMES = [
  'nwkSKey',
  'appSKey',
  'appKey',
  'nwkKey',
  'fNwkSIntKey',
  'sNwkSIntKey',
  'nwkSEncKey',
  'jsIntKey',
  'jsEncKey',
] as const;

/** Keys that belong to one version only: giving them under the other is a mistake. */
// AppKey is a 1.1 key too (the root of AppSKey), but frames of a 1.1 device never use it.
const ONLY_10 = new Set<string>(['nwkSKey']);
const ONLY_11 = new Set<string>(['nwkKey', 'fNwkSIntKey', 'sNwkSIntKey', 'nwkSEncKey']);
const ONLY_11_JS = new Set<string>(['jsIntKey', 'jsEncKey']);

/**
 * Expanded keys by role. In 1.0.x NwkSKey fills the three network roles, as 1.1 devices do
 * when a 1.0 network answers without OptNeg (TS001-1.1 §6.1.2.3).
 * @internal
 */
export interface ExpandedKeys {
  fNwkSIntKey?: Cmac;
  sNwkSIntKey?: Cmac;
  nwkSEncKey?: Cmac;
  appSKey?: Cmac;
  /** AppKey (1.0) or NwkKey (1.1): the Join-Request key. */
  rootKey?: Cmac;
  jsIntKey?: Cmac;
  jsEncKey?: Cmac;
}

/** A 16-byte key from bytes or 32 hex digits; never echoes the value in an error. */
export function keyBytes(value: unknown, name: string): Uint8Array {
  if (typeof value === 'string') {
    if (!/^[0-9a-fA-F]{32}$/.test(value)) {
      throw new RangeError(`keys.${name}: expected 32 hex digits, got ${value.length} characters`);
    }
    return hexToBytes(value);
  }
  if (!(value instanceof Uint8Array)) {
    throw new TypeError(`keys.${name}: expected 16 bytes or 32 hex digits, got ${typeof value}`);
  }
  if (value.length !== 16) {
    throw new RangeError(`keys.${name}: expected 16 bytes, got ${value.length}`);
  }
  return value;
}

/**
 * Checks the version and expands every given key once.
 * @internal
 */
export function expandKeys(keys: FrameKeys | undefined, lorawan: LorawanVersion): ExpandedKeys {
  if (lorawan !== '1.0' && lorawan !== '1.1') {
    throw new TypeError(`lorawan: expected '1.0' or '1.1', got ${String(lorawan)}`);
  }
  if (keys === undefined) return {};
  if (keys === null || typeof keys !== 'object') {
    throw new TypeError(`keys: expected an object, got ${keys === null ? 'null' : typeof keys}`);
  }
  for (const name of Object.keys(keys)) {
    if (!(KEY_NAMES as readonly string[]).includes(name)) {
      throw new TypeError(`keys.${name}: unknown key (expected one of ${KEY_NAMES.join(', ')})`);
    }
  }
  const cmacs: Partial<Record<(typeof KEY_NAMES)[number], Cmac>> = {};
  for (const name of KEY_NAMES) {
    const value = keys[name];
    if (value === undefined) continue;
    if (lorawan === '1.0' && (ONLY_11.has(name) || ONLY_11_JS.has(name))) {
      throw new TypeError(`keys.${name}: a LoRaWAN 1.1 key; pass lorawan: '1.1' to use it`);
    }
    if (lorawan === '1.1' && ONLY_10.has(name)) {
      const hint = 'fNwkSIntKey, sNwkSIntKey, nwkSEncKey';
      throw new TypeError(`keys.${name}: a LoRaWAN 1.0 key; LoRaWAN 1.1 uses ${hint}`);
    }
    const bytes = keyBytes(value, name);
    if (lorawan === '1.1' && name === 'appKey') continue; // checked, but no 1.1 frame uses it
    cmacs[name] = createCmac(bytes);
  }
  if (lorawan === '1.0') {
    const nwk = cmacs.nwkSKey;
    return {
      fNwkSIntKey: nwk,
      sNwkSIntKey: nwk,
      nwkSEncKey: nwk,
      appSKey: cmacs.appSKey,
      rootKey: cmacs.appKey,
    };
  }
  return {
    fNwkSIntKey: cmacs.fNwkSIntKey,
    sNwkSIntKey: cmacs.sNwkSIntKey,
    nwkSEncKey: cmacs.nwkSEncKey,
    appSKey: cmacs.appSKey,
    rootKey: cmacs.nwkKey,
    jsIntKey: cmacs.jsIntKey,
    jsEncKey: cmacs.jsEncKey,
  };
}
