/**
 * What a Watteco device table holds: the attributes it reports, how fields map to variable
 * names per endpoint, its batch series, units and device-specific downlinks. One table per
 * model; the decoders in this folder are shared by all.
 */
import type { Category, CodecExample } from '../../../framework/types.js';
import type { Harmonised } from '../../../framework/harmonised.js';
import type { AttributeSpec } from './attribute.js';
import type { BatchTable } from './batch-report.js';
import type { DownlinkTemplate } from './downlinks.js';

/** A Watteco device table; `wattecoCodec` (codec.ts) turns it into a codec. */
export interface WattecoDevice {
  id: string;
  model: string;
  category: Category;
  description: string;
  attributes: AttributeSpec[];
  /**
   * Field name to variable name by endpoint ("NA" where the endpoint has none). Fields not
   * listed keep their own name, as in Watteco's "endpointCorresponder" tables.
   */
  endpoints: Record<string, string[]>;
  /** Batch series, when the device sends batch reports. */
  batch?: BatchTable;
  /** Unit of each variable that has one (UCUM-like codes, as Watteco writes them). */
  units: Record<string, string>;
  /** Downlinks beyond the ones every Watteco sensor takes. */
  downlinks: DownlinkTemplate[];
  normalize(data: Record<string, unknown>): Harmonised;
  examples: CodecExample[];
}
