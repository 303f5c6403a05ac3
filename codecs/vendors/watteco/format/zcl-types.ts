/**
 * ZCL attribute data types as Watteco sensors use them in reports (ZCL specification 07-5123,
 * §2.6.2 "Data Types"; Watteco "ZCL LoRaWAN" application layer). Only the ids and byte sizes
 * are needed: the decoding of each attribute is fixed by its cluster table.
 */

/** ZCL data type ids used by the Watteco attribute tables. */
export const ZCL_BOOLEAN = 0x10;
export const ZCL_BITMAP8 = 0x18;
export const ZCL_BITMAP16 = 0x19;
export const ZCL_UINT8 = 0x20;
export const ZCL_UINT16 = 0x21;
export const ZCL_UINT24 = 0x22;
export const ZCL_UINT32 = 0x23;
export const ZCL_INT8 = 0x28;
export const ZCL_INT16 = 0x29;
export const ZCL_INT32 = 0x2b;
export const ZCL_ENUM8 = 0x30;
export const ZCL_SINGLE = 0x39;
export const ZCL_BYTE_STRING = 0x41;
export const ZCL_CHAR_STRING = 0x42;

/** Byte size of a fixed-size ZCL type, or undefined for strings and unknown ids. */
export function zclTypeSize(type: number): number | undefined {
  switch (type) {
    case ZCL_BOOLEAN:
    case 0x08:
    case ZCL_BITMAP8:
    case ZCL_UINT8:
    case ZCL_INT8:
    case ZCL_ENUM8:
      return 1;
    case 0x09:
    case ZCL_BITMAP16:
    case ZCL_UINT16:
    case ZCL_INT16:
      return 2;
    case 0x0a:
    case ZCL_UINT24:
      return 3;
    case 0x0b:
    case ZCL_UINT32:
    case ZCL_INT32:
    case ZCL_SINGLE:
      return 4;
    default:
      return undefined;
  }
}
