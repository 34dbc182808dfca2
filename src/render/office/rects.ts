// Grids of keys → the fewest rectangles that cover equal keys (vertical runs per column,
// merged with the same run in the next column). One format action per rectangle instead of one
// per cell is what keeps a 3,000-task build inside a few requests.

export interface KeyRect<K> {
  key: K;
  /** 0-based, inclusive, relative to the grid. */
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * `keyAt(r, c)` gives a cell's key or undefined (nothing to write). Keys are compared with ===,
 * so use strings or numbers.
 */
export function rectangles<K extends string | number>(
  rows: number,
  cols: number,
  keyAt: (r: number, c: number) => K | undefined,
): KeyRect<K>[] {
  const done: KeyRect<K>[] = [];
  // Runs still open from the previous column, by "r0:r1:key".
  let open = new Map<string, KeyRect<K>>();
  for (let c = 0; c < cols; c++) {
    const next = new Map<string, KeyRect<K>>();
    let r = 0;
    while (r < rows) {
      const key = keyAt(r, c);
      if (key === undefined) {
        r++;
        continue;
      }
      let end = r;
      while (end + 1 < rows && keyAt(end + 1, c) === key) end++;
      const id = `${r}:${end}:${String(key)}`;
      const prev = open.get(id);
      if (prev && prev.c1 === c - 1) {
        prev.c1 = c;
        next.set(id, prev);
        open.delete(id);
      } else {
        next.set(id, { key, r0: r, c0: c, r1: end, c1: c });
      }
      r = end + 1;
    }
    done.push(...open.values());
    open = next;
  }
  done.push(...open.values());
  return done;
}
