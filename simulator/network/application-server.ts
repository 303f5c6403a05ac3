/**
 * The application side: each accepted uplink is decoded by its device's codec (TS013
 * `decodeUplink`) and, where the codec has one, turned into the harmonised view of its category
 * (`normalizeUplink`). It keeps counts, a few samples per category, and on request every
 * decoded reading (for tests that compare with what the devices encoded).
 */
import type { CodecDefinition } from '../../codecs/framework/types.js';
import type { ApplicationUplink } from './network-server.js';

/** One decoded reading. */
export interface DecodedReading {
  devEui: string;
  codec: string;
  category: string;
  fCnt: number;
  fPort: number;
  timeMs: number;
  /** The FRMPayload in clear, hex (kept with `keepAll`). */
  bytesHex?: string;
  data: unknown;
  harmonised?: unknown;
}

/** Options of {@link ApplicationServer}. */
export interface ApplicationServerOptions {
  /** The codec of a device, by DevEUI. */
  codecOf(devEui: string): CodecDefinition | undefined;
  /** Samples kept per category (default 6). */
  samplesPerCategory?: number;
  /** Keep every decoded reading in `readings` (default false; tests turn it on). */
  keepAll?: boolean;
}

/**
 * The application server of a simulated network.
 *
 * @example
 * ```ts
 * const app = new ApplicationServer({ codecOf: (eui) => codecs.get(eui) });
 * ns = new NetworkServer({ ..., onUplink: (u) => app.handleUplink(u) });
 * ```
 */
export class ApplicationServer {
  readonly stats = { uplinks: 0, decoded: 0, errors: 0, noCodec: 0 };
  /** Samples by category, the first ones decoded. */
  readonly samples: Record<string, DecodedReading[]> = {};
  /** Every reading, when `keepAll` is on. */
  readonly readings: DecodedReading[] = [];
  /** Decoding errors, the first 20: device, FPort and message. */
  readonly errors: { devEui: string; fPort: number; message: string }[] = [];
  private readonly o: ApplicationServerOptions;

  constructor(options: ApplicationServerOptions) {
    this.o = options;
  }

  /** Decodes one uplink. */
  handleUplink(u: ApplicationUplink): DecodedReading | undefined {
    this.stats.uplinks++;
    const codec = this.o.codecOf(u.devEui);
    if (codec === undefined) {
      this.stats.noCodec++;
      return undefined;
    }
    let data: unknown;
    let failure: string | undefined;
    try {
      const out = codec.decodeUplink({ bytes: byteList(u.frmPayload), fPort: u.fPort,
        variables: {} }) as { data: unknown; errors?: string[] };
      // TS013: a decoder that cannot finish returns errors (and empty data) rather than throw.
      if (Array.isArray(out.errors) && out.errors.length > 0) failure = out.errors.join('; ');
      data = out.data;
    } catch (e) {
      failure = String((e as { message?: unknown })?.message ?? e);
    }
    if (failure !== undefined) {
      this.stats.errors++;
      if (this.errors.length < 20) this.errors.push({ devEui: u.devEui, fPort: u.fPort,
        message: failure });
      return undefined;
    }
    this.stats.decoded++;
    const reading: DecodedReading = { devEui: u.devEui, codec: codec.id, category: codec.category,
      fCnt: u.fCnt, fPort: u.fPort, timeMs: u.timeMs, data };
    if (typeof codec.normalizeUplink === 'function') {
      try {
        reading.harmonised = codec.normalizeUplink(data);
      } catch {
        // A reading that decodes but does not harmonise is still a reading.
      }
    }
    const list = (this.samples[codec.category] ??= []);
    if (list.length < (this.o.samplesPerCategory ?? 6)) list.push(reading);
    if (this.o.keepAll) {
      reading.bytesHex = Array.from(u.frmPayload, (b) => b.toString(16).padStart(2, '0')).join('');
      this.readings.push(reading);
    }
    return reading;
  }
}

/** The bytes as a plain array (TS013 `bytes`), copied by index: no iterator per byte. */
function byteList(bytes: Uint8Array): number[] {
  const out: number[] = [];
  for (let i = 0; i < bytes.length; i++) out.push(bytes[i]!);
  return out;
}
