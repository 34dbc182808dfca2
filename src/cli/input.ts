import { promises as fs } from 'fs';
import { extname } from 'path';
import { CliError } from './errors';

/** Larger than any real plan by far; past this a file is a mistake, not an appendix. */
export const MAX_INPUT_BYTES = 20 * 1024 * 1024;

function decode(bytes: Buffer, path: string): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    const ext = extname(path).toLowerCase() || '.zip';
    throw new CliError(
      `tệp ${ext} là tệp nén (Word/Excel); dòng lệnh hiện đọc văn bản: hãy lưu phụ lục thành .txt, hoặc sao chép bảng rồi dán vào tệp văn bản`,
      `${ext} is a zipped (Word/Excel) file; the command line reads text: save the appendix as .txt, or copy the table into a text file`,
    );
  }
  const head = bytes.subarray(0, 8192);
  const controls = head.filter((b) => b === 0 || (b < 9 && b !== 0) || (b > 13 && b < 32)).length;
  if (head.includes(0) || controls > head.length * 0.02) {
    throw new CliError(
      'tệp không phải văn bản (có vẻ là tệp nhị phân)',
      'the file is not text (it looks binary)',
    );
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(
      'tệp không phải văn bản UTF-8 (có thể là mã TCVN3/VNI cũ): hãy lưu lại với mã Unicode UTF-8',
      'the file is not UTF-8 text (perhaps an old TCVN3/VNI encoding): save it again as Unicode UTF-8',
    );
  }
}

/** Reads a source file as text, or fails with one clear message. */
export async function readSourceText(path: string): Promise<string> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch {
    throw new CliError(`không tìm thấy tệp "${path}"`, `file not found: "${path}"`);
  }
  if (stat.isDirectory()) {
    throw new CliError(`"${path}" là thư mục, không phải tệp`, `"${path}" is a folder, not a file`);
  }
  if (stat.size > MAX_INPUT_BYTES) {
    const mb = (stat.size / 1024 / 1024).toFixed(1);
    throw new CliError(
      `tệp quá lớn (${mb} MB, tối đa ${MAX_INPUT_BYTES / 1024 / 1024} MB): đây không giống một phụ lục kế hoạch`,
      `file too large (${mb} MB, at most ${MAX_INPUT_BYTES / 1024 / 1024} MB): this does not look like a plan appendix`,
    );
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(path);
  } catch {
    throw new CliError(`không đọc được tệp "${path}"`, `cannot read file "${path}"`);
  }
  const text = decode(bytes, path);
  if (text.trim() === '') throw new CliError(`tệp "${path}" rỗng`, `file "${path}" is empty`);
  return text;
}
