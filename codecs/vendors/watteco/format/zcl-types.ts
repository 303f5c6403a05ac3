/**
 * ZCL attribute data types as Watteco sensors use them in reports (ZCL specification 07-5123,
 * §2.6.2 "Data Types"; Watteco "ZCL LoRaWAN" application layer). Only the ids and byte sizes
 * are needed: the decoding of each attribute is fixed by its cluster table.
 */

/** ZCL type id: boolean. */
export const ZCL_BOOLEAN = 0x10;
/** ZCL type id: 8-bit bitmap. */
export const ZCL_BITMAP8 = 0x18;
/** ZCL type id: 16-bit bitmap. */
export const ZCL_BITMAP16 = 0x19;
/** ZCL type id: unsigned 8-bit integer. */
export const ZCL_UINT8 = 0x20;
/** ZCL type id: unsigned 16-bit integer. */
export const ZCL_UINT16 = 0x21;
/** ZCL type id: unsigned 24-bit integer. */
export const ZCL_UINT24 = 0x22;
/** ZCL type id: unsigned 32-bit integer. */
export const ZCL_UINT32 = 0x23;
/** ZCL type id: signed 8-bit integer. */
export const ZCL_INT8 = 0x28;
/** ZCL type id: signed 16-bit integer. */
export const ZCL_INT16 = 0x29;
/** ZCL type id: signed 32-bit integer. */
export const ZCL_INT32 = 0x2b;
/** ZCL type id: 8-bit enumeration. */
export const ZCL_ENUM8 = 0x30;
/** ZCL type id: single-precision float. */
export const ZCL_SINGLE = 0x39;
/** ZCL type id: octet string (length byte first). */
export const ZCL_BYTE_STRING = 0x41;
/** ZCL type id: character string (length byte first). */
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
