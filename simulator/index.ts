/**
 * loire/simulator: Class A devices under regional limits, gateways, radio and a network side.
 *
 * @packageDocumentation
 */
export {};
