/**
 * CM30xx OMS usage packet (FPort 20): the reader forwards its wireless M-Bus (OMS) telegram
 * with a short transport header (CI 0x7A: access number, status, configuration; EN
 * 13757-7:2018 §7.3), then data records decoded by the OMS layer and shown with the vendor's
 * flat names prefixed `oms_`. Only the short header is documented by the vendor's decoder.
 *
 * Known gap: the flat names do not keep each record's DIF/VIF, so the decoded form cannot be
 * encoded back; `encodeUplink` takes the records as `oms_data_records_raw` hex instead, a
 * field the decoder does not output.
 */
import { fail } from '../../../../framework/codec-error.js';
import { left, raw, u16, u8, w16, w8 } from '../io.js';
import { type NasPacket, S } from '../packet.js';
import { boolField, hexBytes, intField } from '../values.js';
import { mbusRecordsFlat } from './mbus-records.js';

/** Configuration field of a synchronous, unencrypted short header, as the vendor tests it. */
const SYNCHRONOUS = 0x2000;

/** The OMS usage packet. */
export const OMS_USAGE: NasPacket = {
  name: 'oms_usage_packet', fPort: 20, header: 0x7a, direction: 'uplink',
  packetDescription: 'Wireless M-Bus (OMS) telegram: short header and data records',
  decode(r, out) {
    out['header_access_num'] = u8(r, 'header_access_num');
    out['header_status'] = u8(r, 'header_status');
    out['header_packet_synchronous'] = u16(r, 'configuration') === SYNCHRONOUS;
    const records = mbusRecordsFlat(raw(r, left(r), 'data records'));
    for (const k in records) out['oms_' + k] = records[k];
  },
  encodeUplink(data, w) {
    if (data['oms_data_records_raw'] === undefined) {
      fail(`${w.what}: give the records as oms_data_records_raw hex (decoded names do not ` +
        'keep their DIF/VIF)');
    }
    w8(w, intField(data, 'header_access_num', 0, 255, w.what), 'header_access_num');
    w8(w, intField(data, 'header_status', 0, 255, w.what), 'header_status');
    w16(w, boolField(data, 'header_packet_synchronous', w.what) ? SYNCHRONOUS : 0,
      'configuration');
    for (const b of hexBytes(data['oms_data_records_raw'], `${w.what}: oms_data_records_raw`)) {
      w.bytes.push(b);
    }
  },
  packetSchema: { header_access_num: S.int, header_status: S.int, header_packet_synchronous: S.bool,
    oms_data_records_raw: S.str },
  // The oms_<record> fields.
  additional: { type: ['number', 'string', 'null'] },
};
