/** Time on air of LoRa and GFSK packets and of LoRaWAN frames. */
export { loraAirtime, codingRateIndex } from './lora.js';
export type { Airtime, LoraAirtimeParams } from './lora.js';
export { fskAirtime } from './fsk.js';
export type { FskAirtimeParams } from './fsk.js';
export { frameAirtime, LORAWAN_OVERHEAD_BYTES } from './frame.js';
export type { FrameAirtimeOptions } from './frame.js';
