// The command line deflates the workbooks it writes with Node's zlib: native code, about five
// times faster than the JavaScript deflate the page uses (docs/xlsx-writer.md), same files.

import { crc32, deflateRawSync } from 'zlib';
import type { Compressor } from '../render/xlsx';

export const nodeCompressor: Compressor = {
  deflateRaw: (data) => deflateRawSync(data, { level: 1 }),
  crc32: (data) => crc32(data),
};
