/**
 * Value Information Field tables of EN 13757-3:2018 (primary VIF table 10, first extension
 * 0xFD table 14, second extension 0xFB table 12, orthogonal VIFE table 15), limited to the codes
 * water, heat and cooling meters use. A code outside these tables is not an error: it decodes as
 * quantity `unknown` with its table and code, so a record is never silently misread.
 */

/** The meaning of one VIF code. */
export interface VifMeaning {
  /** Stable camelCase name, such as `volume`, `flowTemperature`, `dateTime`. */
  quantity: string;
  /** Human text, such as `Volume`. */
  description: string;
  /** SI-style unit symbol (`m3`, `Wh`, `°C`, `s`); empty for dimensionless values. */
  unit: string;
  /** Decimal exponent: value x 10^exponent is in `unit`. */
  exponent: number;
}

const TIME_UNITS = ['s', 'min', 'h', 'd'];

function m(quantity: string, description: string, unit: string, exponent: number): VifMeaning {
  return { quantity, description, unit, exponent };
}

/** Primary VIF (bits 6..0 of the VIF byte), EN 13757-3:2018 table 10. */
export function primaryVif(code: number): VifMeaning | undefined {
  const n = code & 0x07;
  const nn = code & 0x03;
  if (code <= 0x07) return m('energy', 'Energy', 'Wh', n - 3);
  if (code <= 0x0f) return m('energy', 'Energy', 'J', n);
  if (code <= 0x17) return m('volume', 'Volume', 'm3', n - 6);
  if (code <= 0x1f) return m('mass', 'Mass', 'kg', n - 3);
  if (code <= 0x23) return m('onTime', 'On time', TIME_UNITS[nn]!, 0);
  if (code <= 0x27) return m('operatingTime', 'Operating time', TIME_UNITS[nn]!, 0);
  if (code <= 0x2f) return m('power', 'Power', 'W', n - 3);
  if (code <= 0x37) return m('power', 'Power', 'J/h', n);
  if (code <= 0x3f) return m('volumeFlow', 'Volume flow', 'm3/h', n - 6);
  if (code <= 0x47) return m('volumeFlow', 'Volume flow', 'm3/min', n - 7);
  if (code <= 0x4f) return m('volumeFlow', 'Volume flow', 'm3/s', n - 9);
  if (code <= 0x57) return m('massFlow', 'Mass flow', 'kg/h', n - 3);
  if (code <= 0x5b) return m('flowTemperature', 'Flow temperature', '°C', nn - 3);
  if (code <= 0x5f) return m('returnTemperature', 'Return temperature', '°C', nn - 3);
  if (code <= 0x63) return m('temperatureDifference', 'Temperature difference', 'K', nn - 3);
  if (code <= 0x67) return m('externalTemperature', 'External temperature', '°C', nn - 3);
  if (code <= 0x6b) return m('pressure', 'Pressure', 'bar', nn - 3);
  if (code === 0x6c) return m('date', 'Date', '', 0);
  if (code === 0x6d) return m('dateTime', 'Date and time', '', 0);
  if (code === 0x6e) return m('hcaUnits', 'Units for heat cost allocator', '', 0);
  if (code >= 0x70 && code <= 0x73) {
    return m('averagingDuration', 'Averaging duration', TIME_UNITS[nn]!, 0);
  }
  if (code >= 0x74 && code <= 0x77) {
    return m('actualityDuration', 'Actuality duration', TIME_UNITS[nn]!, 0);
  }
  if (code === 0x78) return m('fabricationNo', 'Fabrication number', '', 0);
  if (code === 0x79) return m('enhancedId', 'Enhanced identification', '', 0);
  if (code === 0x7a) return m('busAddress', 'Bus address', '', 0);
  if (code === 0x7e) return m('anyVif', 'Any VIF (readout selection)', '', 0);
  if (code === 0x7f) return m('manufacturerSpecific', 'Manufacturer specific', '', 0);
  return undefined;
}

/** First extension table, reached by VIF 0xFD (EN 13757-3:2018 table 14). */
export function extensionFdVif(code: number): VifMeaning | undefined {
  const nn = code & 0x03;
  if (code <= 0x03) return m('credit', 'Credit', 'currency', nn - 3);
  if (code <= 0x07) return m('debit', 'Debit', 'currency', nn - 3);
  const named: Record<number, [string, string]> = {
    0x08: ['accessNumber', 'Unique message identification (access number)'],
    0x09: ['deviceType', 'Device type'],
    0x0a: ['manufacturer', 'Manufacturer'],
    0x0b: ['parameterSetId', 'Parameter set identification'],
    0x0c: ['modelVersion', 'Model / version'],
    0x0d: ['hardwareVersion', 'Hardware version'],
    0x0e: ['firmwareVersion', 'Firmware version'],
    0x0f: ['otherSoftwareVersion', 'Other software version'],
    0x10: ['customerLocation', 'Customer location'],
    0x11: ['customer', 'Customer'],
    0x16: ['password', 'Password'],
    0x17: ['errorFlags', 'Error flags'],
    0x18: ['errorMask', 'Error mask'],
    0x1a: ['digitalOutput', 'Digital output'],
    0x1b: ['digitalInput', 'Digital input'],
    0x1c: ['baudRate', 'Baud rate'],
    0x1d: ['responseDelay', 'Response delay time'],
    0x1e: ['retry', 'Retry'],
    0x20: ['firstStorageNumber', 'First storage number for cyclic storage'],
    0x21: ['lastStorageNumber', 'Last storage number for cyclic storage'],
    0x22: ['storageBlockSize', 'Size of storage block'],
    0x60: ['resetCounter', 'Reset counter'],
    0x61: ['cumulationCounter', 'Cumulation counter'],
    0x62: ['controlSignal', 'Control signal'],
    0x63: ['dayOfWeek', 'Day of week'],
    0x64: ['weekNumber', 'Week number'],
    0x65: ['timePointOfDayChange', 'Time point of day change'],
    0x66: ['parameterActivationState', 'State of parameter activation'],
    0x67: ['specialSupplierInformation', 'Special supplier information'],
    0x70: ['batteryChangeDate', 'Date and time of battery change'],
    0x71: ['rssi', 'Received signal strength'],
    0x74: ['remainingBatteryLifetime', 'Remaining battery lifetime'],
    0x75: ['meterStoppedCount', 'Number of times the meter was stopped'],
  };
  const hit = named[code];
  if (hit) {
    const unit = code === 0x71 ? 'dBm' : code === 0x74 ? 'd' : '';
    return m(hit[0], hit[1], unit, 0);
  }
  if (code >= 0x24 && code <= 0x27) {
    return m('storageInterval', 'Storage interval', TIME_UNITS[nn]!, 0);
  }
  if (code === 0x28) return m('storageInterval', 'Storage interval', 'month', 0);
  if (code === 0x29) return m('storageInterval', 'Storage interval', 'year', 0);
  if (code >= 0x2c && code <= 0x2f) {
    return m('durationSinceReadout', 'Duration since last readout', TIME_UNITS[nn]!, 0);
  }
  if (code >= 0x40 && code <= 0x4f) return m('voltage', 'Voltage', 'V', (code & 0x0f) - 9);
  if (code >= 0x50 && code <= 0x5f) return m('current', 'Current', 'A', (code & 0x0f) - 12);
  if (code >= 0x68 && code <= 0x6b) {
    return m('durationSinceCumulation', 'Duration since last cumulation', TIME_UNITS[nn]!, 0);
  }
  if (code >= 0x6c && code <= 0x6f) {
    return m('batteryOperatingTime', 'Operating time battery', TIME_UNITS[nn]!, 0);
  }
  return undefined;
}

/** Second extension table, reached by VIF 0xFB (EN 13757-3:2018 table 12). */
export function extensionFbVif(code: number): VifMeaning | undefined {
  const n = code & 0x01;
  const nn = code & 0x03;
  if (code <= 0x01) return m('energy', 'Energy', 'MWh', n - 1);
  if (code >= 0x08 && code <= 0x09) return m('energy', 'Energy', 'GJ', n - 1);
  if (code >= 0x10 && code <= 0x11) return m('volume', 'Volume', 'm3', n + 2);
  if (code >= 0x18 && code <= 0x19) return m('mass', 'Mass', 't', n + 2);
  if (code >= 0x28 && code <= 0x29) return m('power', 'Power', 'MW', n - 1);
  if (code >= 0x30 && code <= 0x31) return m('power', 'Power', 'GJ/h', n - 1);
  if (code >= 0x58 && code <= 0x5b) {
    return m('flowTemperature', 'Flow temperature', '°F', nn - 3);
  }
  if (code >= 0x5c && code <= 0x5f) {
    return m('returnTemperature', 'Return temperature', '°F', nn - 3);
  }
  if (code >= 0x60 && code <= 0x63) {
    return m('temperatureDifference', 'Temperature difference', '°F', nn - 3);
  }
  if (code >= 0x64 && code <= 0x67) {
    return m('externalTemperature', 'External temperature', '°F', nn - 3);
  }
  if (code >= 0x74 && code <= 0x77) {
    return m('temperatureLimit', 'Cold / warm temperature limit', '°C', nn - 3);
  }
  return undefined;
}

/** Orthogonal VIFE meanings (EN 13757-3:2018 table 15) that loire names. */
export function orthogonalVife(code: number): string {
  if (code <= 0x0f) return `recordError${code}`;
  const named: Record<number, string> = {
    0x13: 'inverseCompactProfile',
    0x1e: 'compactProfileWithRegisters',
    0x1f: 'compactProfile',
    0x20: 'perSecond',
    0x21: 'perMinute',
    0x22: 'perHour',
    0x23: 'perDay',
    0x24: 'perWeek',
    0x25: 'perMonth',
    0x26: 'perYear',
    0x27: 'perRevolution',
    0x2c: 'perLitre',
    0x2d: 'perCubicMetre',
    0x39: 'startDateTimeOf',
    0x3a: 'uncorrectedUnit',
    0x3b: 'accumulationPositiveOnly',
    0x3c: 'accumulationNegativeOnly',
    0x7e: 'futureValue',
    0x7f: 'manufacturerSpecificVifeFollows',
  };
  const hit = named[code];
  if (hit) return hit;
  if (code >= 0x70 && code <= 0x77) return `multiplier1e${(code & 0x07) - 6}`;
  if (code >= 0x78 && code <= 0x7b) return `additiveOffset1e${(code & 0x03) - 3}`;
  if (code === 0x7d) return 'multiplier1e3';
  return `vife0x${code < 16 ? '0' : ''}${code.toString(16)}`;
}

/** Exponent added by a multiplicative-correction VIFE (table 15, E111 0nnn and 0x7D). */
export function vifeExponentShift(code: number): number {
  if (code >= 0x70 && code <= 0x77) return (code & 0x07) - 6;
  if (code === 0x7d) return 3;
  return 0;
}
