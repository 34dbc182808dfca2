// Zip bombs, made by hand: deflate data that repeats a short text by back-references (13 bits
// per 258 bytes), so a 2 MB member inflates to ~300 MB without the test ever holding it.
import { deflateSync, strToU8 } from 'fflate';

class BitWriter {
  private bytes: number[] = [];
  private bit = 0;
  private cur = 0;
  /** `n` bits of `value`, least significant first (deflate's header fields, extra bits). */
  bits(value: number, n: number): void {
    for (let i = 0; i < n; i++) {
      this.cur |= ((value >> i) & 1) << this.bit;
      if (++this.bit === 8) {
        this.bytes.push(this.cur);
        this.bit = 0;
        this.cur = 0;
      }
    }
  }
  /** A Huffman code of `n` bits, most significant first. */
  code(value: number, n: number): void {
    for (let i = n - 1; i >= 0; i--) this.bits((value >> i) & 1, 1);
  }
  align(): void {
    if (this.bit > 0) this.bits(0, 8 - this.bit);
  }
  raw(data: Uint8Array): void {
    for (const b of data) this.bytes.push(b);
  }
  done(): Uint8Array {
    this.align();
    return Uint8Array.from(this.bytes);
  }
}

/** Fixed-Huffman literal (0–143: 8 bits from 0x30). */
function literal(w: BitWriter, byte: number): void {
  if (byte <= 143) w.code(0x30 + byte, 8);
  else w.code(0x190 + byte - 144, 9);
}

/**
 * Raw deflate of `head`, then `unit` repeated about `repeats` × 258 / unit.length times, then
 * `tail`. `unit` is 1–30 bytes (its length is the back-reference distance, codes 0–9 here).
 */
export function deflateBomb(head: string, unit: string, repeats: number, tail: string): Uint8Array {
  const w = new BitWriter();
  // A stored block for the head.
  const h = strToU8(head);
  w.bits(0, 1);
  w.bits(0, 2);
  w.align();
  w.bits(h.length & 0xffff, 16);
  w.bits(~h.length & 0xffff, 16);
  w.raw(h);
  // A fixed-Huffman block: the unit once, then matches of 258 bytes at its distance.
  w.bits(1, 1);
  w.bits(1, 2);
  const u = strToU8(unit);
  for (const b of u) literal(w, b);
  const distCode = [0, 0, 1, 2, 3][u.length];
  if (distCode === undefined) throw new Error('unit of 1–4 bytes');
  for (let i = 0; i < repeats; i++) {
    w.code(0xc5, 8); // length 258: symbol 285
    w.code(distCode, 5); // distance 1–4: codes 0–3, no extra bits
  }
  for (const b of strToU8(tail)) literal(w, b);
  w.code(0, 7); // end of block
  return w.done();
}

export interface RawEntry {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Uint8Array;
  /** Size the directory declares. */
  declaredSize?: number;
}

/** A zip of members whose deflate data is given (no CRC: PhuLuc's reader does not check it). */
export function zipOfDeflated(entries: RawEntry[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const u16 = (v: number): number[] => [v & 0xff, (v >> 8) & 0xff];
  const u32 = (v: number): number[] => [
    v & 0xff,
    (v >> 8) & 0xff,
    (v >> 16) & 0xff,
    (v >>> 24) & 0xff,
  ];
  for (const e of entries) {
    const name = strToU8(e.name);
    const size = e.declaredSize ?? 1000;
    const local = Uint8Array.from([
      ...u32(0x04034b50),
      ...u16(20),
      ...u16(0x800),
      ...u16(8),
      ...u16(0),
      ...u16(0),
      ...u32(0),
      ...u32(e.deflated.length),
      ...u32(size),
      ...u16(name.length),
      ...u16(0),
      ...name,
    ]);
    central.push(
      Uint8Array.from([
        ...u32(0x02014b50),
        ...u16(20),
        ...u16(20),
        ...u16(0x800),
        ...u16(8),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(e.deflated.length),
        ...u32(size),
        ...u16(name.length),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u16(0),
        ...u32(0),
        ...u32(offset),
        ...name,
      ]),
    );
    chunks.push(local, e.deflated);
    offset += local.length + e.deflated.length;
  }
  const dirSize = central.reduce((n, c) => n + c.length, 0);
  const end = Uint8Array.from([
    ...u32(0x06054b50),
    ...u16(0),
    ...u16(0),
    ...u16(entries.length),
    ...u16(entries.length),
    ...u32(dirSize),
    ...u32(offset),
    ...u16(0),
  ]);
  const all = [...chunks, ...central, end];
  const out = new Uint8Array(all.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of all) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** A member compressed normally. */
export function deflated(name: string, text: string): RawEntry {
  const data = strToU8(text);
  return { name, deflated: deflateSync(data), declaredSize: data.length };
}
