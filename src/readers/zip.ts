// Zip archives (.xlsx, .docx), read with bounded work: the central directory is read first, and
// a member is inflated only when asked for, counting the bytes it really produces (a zip bomb
// can declare any size it likes). No Node APIs: the page runs this too.

import { Inflate } from 'fflate';

/** Limits on what one archive may make us do. */
export interface ZipLimits {
  /** Bytes one member may inflate to. */
  memberBytes: number;
  /** Bytes all members read from one archive may inflate to, together. */
  totalBytes: number;
  /** Members listed in the central directory. */
  members: number;
}

/** Far above any real plan or tracker (a 40,000-task tracker's largest part is ~40 MB). */
export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  memberBytes: 160 * 1024 * 1024,
  totalBytes: 400 * 1024 * 1024,
  members: 20_000,
};

/** Why an archive could not be read; `code` lets callers word the message for people. */
export class ZipError extends Error {
  constructor(
    readonly code: 'not-zip' | 'damaged' | 'too-large' | 'unsupported' | 'encrypted',
    message: string,
  ) {
    super(message);
    this.name = 'ZipError';
  }
}

export interface ZipMember {
  /** Name as stored, "/" separated, no leading "/". */
  name: string;
  /** Size the directory declares (not trusted). */
  declaredSize: number;
}

export interface ZipReader {
  members: ZipMember[];
  has(name: string): boolean;
  /** The member's bytes, inflated within the limits. Case-insensitive name. */
  read(name: string): Uint8Array;
  /**
   * The member's bytes in pieces as they are inflated (each at most a few MB), within the
   * same limits, so a caller that parses as it goes never holds the whole member. Throwing
   * from `onChunk` stops the inflating there.
   */
  stream(name: string, onChunk: (chunk: Uint8Array) => void): void;
}

interface Entry extends ZipMember {
  method: number;
  flags: number;
  compressedSize: number;
  localOffset: number;
}

const u16 = (b: Uint8Array, o: number): number => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number): number =>
  (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

const utf8 = new TextDecoder('utf-8');
const cp437 = new TextDecoder('latin1');

/** True for bytes that start like a zip archive ("PK\x03\x04"). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function endOfDirectory(bytes: Uint8Array): number {
  // The end record is 22 bytes plus a comment of up to 65,535.
  const stop = Math.max(0, bytes.length - 22 - 65_535);
  for (let o = bytes.length - 22; o >= stop; o--) {
    if (bytes[o] === 0x50 && u32(bytes, o) === 0x06054b50) return o;
  }
  throw new ZipError('damaged', 'no zip end-of-directory record (the file is cut short?)');
}

/** Opens an archive; nothing is inflated until `read`. */
export function openZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): ZipReader {
  if (!looksLikeZip(bytes)) throw new ZipError('not-zip', 'not a zip archive');
  const end = endOfDirectory(bytes);
  const count = u16(bytes, end + 10);
  const dirSize = u32(bytes, end + 12);
  const dirOffset = u32(bytes, end + 16);
  if (count === 0xffff || dirOffset === 0xffffffff)
    throw new ZipError('unsupported', 'zip64 archives are not supported');
  if (count > limits.members)
    throw new ZipError(
      'too-large',
      `the archive lists ${count} members (at most ${limits.members})`,
    );
  if (dirOffset + dirSize > bytes.length)
    throw new ZipError('damaged', 'the zip directory points past the end of the file');

  const entries = new Map<string, Entry>();
  const members: ZipMember[] = [];
  let o = dirOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== 0x02014b50)
      throw new ZipError('damaged', 'the zip directory is damaged');
    const flags = u16(bytes, o + 8);
    const method = u16(bytes, o + 10);
    const compressedSize = u32(bytes, o + 20);
    const declaredSize = u32(bytes, o + 24);
    const nameLength = u16(bytes, o + 28);
    const extraLength = u16(bytes, o + 30);
    const commentLength = u16(bytes, o + 32);
    const localOffset = u32(bytes, o + 42);
    const raw = bytes.subarray(o + 46, o + 46 + nameLength);
    const name = ((flags & 0x800) !== 0 ? utf8 : cp437)
      .decode(raw)
      .replace(/\\/g, '/')
      .replace(/^\/+/, '');
    o += 46 + nameLength + extraLength + commentLength;
    if (name.endsWith('/')) continue; // a folder
    const entry: Entry = { name, declaredSize, method, flags, compressedSize, localOffset };
    const key = name.toLowerCase();
    if (!entries.has(key)) {
      entries.set(key, entry);
      members.push({ name, declaredSize });
    }
  }

  let total = 0;
  const stream = (name: string, onChunk: (chunk: Uint8Array) => void): void => {
    const entry = entries.get(name.replace(/^\/+/, '').toLowerCase());
    if (!entry) throw new ZipError('damaged', `no member "${name}" in the archive`);
    if ((entry.flags & 1) !== 0) throw new ZipError('encrypted', `"${entry.name}" is encrypted`);
    const at = entry.localOffset;
    if (at + 30 > bytes.length || u32(bytes, at) !== 0x04034b50)
      throw new ZipError('damaged', `the header of "${entry.name}" is damaged`);
    const start = at + 30 + u16(bytes, at + 26) + u16(bytes, at + 28);
    const stop = start + entry.compressedSize;
    if (stop > bytes.length) throw new ZipError('damaged', `"${entry.name}" is cut short`);
    const data = bytes.subarray(start, stop);
    const room = Math.min(limits.memberBytes, limits.totalBytes - total);
    let size = 0;
    const take = (chunk: Uint8Array): void => {
      if (chunk.length === 0) return;
      size += chunk.length;
      total += chunk.length;
      if (size > room) throw tooLarge(entry.name, limits);
      onChunk(chunk);
    };
    if (entry.method === 0) {
      if (data.length > room) throw tooLarge(entry.name, limits);
      for (let i = 0; i < data.length; i += STORED_STEP)
        take(data.slice(i, Math.min(i + STORED_STEP, data.length)));
    } else if (entry.method === 8) {
      inflateStream(data, entry.name, take);
    } else {
      throw new ZipError(
        'unsupported',
        `"${entry.name}" uses zip compression method ${entry.method}`,
      );
    }
  };
  const read = (name: string): Uint8Array => {
    const chunks: Uint8Array[] = [];
    let size = 0;
    stream(name, (chunk) => {
      chunks.push(chunk);
      size += chunk.length;
    });
    return joinBytes(chunks, size);
  };
  return {
    members,
    has: (name) => entries.has(name.replace(/^\/+/, '').toLowerCase()),
    read,
    stream,
  };
}

function tooLarge(name: string, limits: ZipLimits): ZipError {
  const mb = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;
  return new ZipError(
    'too-large',
    `"${name}" inflates past the limit (${mb(limits.memberBytes)} a member, ${mb(limits.totalBytes)} in all)`,
  );
}

/** Pieces of a stored member handed out at a time. */
const STORED_STEP = 1024 * 1024;
/**
 * Compressed bytes inflated at a time. Each push costs fflate a fixed amount (its 32 KB window
 * is copied), so large steps are much faster; but deflate expands up to ~1,032 times, so a
 * member that inflates that much (a zip bomb) goes on in small steps, each making at most
 * ~8 MB, and is stopped within one step of its limit.
 */
const INFLATE_STEP = 64 * 1024;
const INFLATE_SMALL_STEP = 8 * 1024;
/** Output per input byte past which the small step is used (real parts: 5–20). */
const BOMB_RATIO = 64;

/** Inflates raw deflate data step by step, handing each piece to `take` (which may throw). */
function inflateStream(data: Uint8Array, name: string, take: (chunk: Uint8Array) => void): void {
  if (data.length === 0) return;
  let failure: unknown = null;
  const inflater = new Inflate();
  try {
    // The first step is small: only a member that expands like real data earns large ones.
    let step = INFLATE_SMALL_STEP;
    let made = 0;
    inflater.ondata = (chunk) => {
      made += chunk.length;
      if (failure) return;
      try {
        take(chunk);
      } catch (error) {
        failure = error;
      }
    };
    for (let i = 0; i < data.length && !failure;) {
      const end = Math.min(i + step, data.length);
      made = 0;
      inflater.push(data.subarray(i, end), end >= data.length);
      step = made > (end - i) * BOMB_RATIO ? INFLATE_SMALL_STEP : INFLATE_STEP;
      i = end;
    }
  } catch (error) {
    if (!failure) {
      throw new ZipError(
        'damaged',
        `"${name}" cannot be inflated (${error instanceof Error ? error.message : String(error)})`,
      );
    }
  }
  if (failure) throw failure;
}

/** The chunks as one array (the one chunk itself when there is one). */
export function joinBytes(chunks: readonly Uint8Array[], size?: number): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = size ?? 0;
  if (size === undefined) for (const chunk of chunks) length += chunk.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}
