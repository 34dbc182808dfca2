// The package's zip container (fflate). Each part is deflated at level 1 — by fflate, which runs
// anywhere (the page), or by a compressor the caller gives: the command line passes Node's zlib,
// native code about five times faster on a large tracker (docs/xlsx-writer.md).

import { Zip, zipSync, type ZipInputFile, type Zippable } from 'fflate';
import { joinBytes } from '../../readers/zip';

/** Raw deflate and CRC-32 of one part, e.g. Node's zlib (`deflateRawSync`, `crc32`). */
export interface Compressor {
  deflateRaw(data: Uint8Array): Uint8Array;
  crc32(data: Uint8Array): number;
}

/** The parts, in order, as a zip archive. */
export function zipParts(
  parts: readonly [string, Uint8Array][],
  compressor?: Compressor,
): Uint8Array {
  if (!compressor) {
    const files: Zippable = {};
    for (const [name, data] of parts) files[name] = data;
    return zipSync(files, { level: 1 });
  }
  const chunks: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => {
    if (error) failure = error;
    else chunks.push(chunk);
  });
  for (const [name, data] of parts) {
    // fflate's extension point for a file compressed elsewhere: its sizes and CRC, then its
    // deflated bytes in one final chunk.
    const file: ZipInputFile = {
      filename: name,
      size: data.length,
      crc: compressor.crc32(data),
      compression: 8,
    };
    zip.add(file);
    // fflate types its chunks as over a plain ArrayBuffer; a deflate's output is one.
    file.ondata!(null, compressor.deflateRaw(data) as Uint8Array<ArrayBuffer>, true);
  }
  zip.end();
  if (failure) throw failure;
  return joinBytes(chunks);
}
