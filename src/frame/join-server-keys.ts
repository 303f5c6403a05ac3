/**
 * JSIntKey and JSEncKey of a LoRaWAN 1.1 device (TS001-1.1 §6.1.1.3): given as keys, or
 * derived from NwkKey and the DevEUI of the request being answered.
 * @internal
 */
import { createCmac, type Cmac } from '../crypto/cmac.js';
import { deriveJoinServerKeys } from '../crypto/keys.js';
import type { ExpandedKeys } from './keys.js';
import type { JoinRequestContext } from './types.js';

/** The join-server keys for `req`; either may be undefined when neither way gives it. */
export function joinServerKeys(
  keys: ExpandedKeys,
  req: JoinRequestContext | undefined,
): { jsIntKey?: Cmac; jsEncKey?: Cmac } {
  let { jsIntKey, jsEncKey } = keys;
  const missing = jsIntKey === undefined || jsEncKey === undefined;
  if (missing && keys.rootKey !== undefined && req?.devEui !== undefined) {
    const derived = deriveJoinServerKeys({ nwkKey: keys.rootKey, devEui: req.devEui });
    jsIntKey ??= createCmac(derived.jsIntKey);
    jsEncKey ??= createCmac(derived.jsEncKey);
  }
  return { jsIntKey, jsEncKey };
}
