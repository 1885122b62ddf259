// Levenshtein distance from one pattern to many texts, 32 pattern characters a step (Myers' bit-vector method,
// in blocks as Hyyrö extended it): suggestions measure a query against every name of a whole corpus.

/** Bits of a block: a pattern of 40 characters takes two blocks. */
const W = 32;

/**
 * The edit distance (insertions, deletions, substitutions of UTF-16 code units) from a fixed pattern to any text.
 * Each text character updates the vertical deltas of a column of the distance table, 32 rows at once.
 */
export class PatternDistance {
  private readonly blocks: number;
  /** Bit i of peq[b * 65536 + c]: pattern character b * 32 + i is the code unit c. */
  private readonly peq: Int32Array;
  /** Vertical deltas of the current column, per block: +1 rows (pv) and -1 rows (mv). */
  private readonly pv: Int32Array;
  private readonly mv: Int32Array;
  /** The row of the pattern's last character within the last block. */
  private readonly lastBit: number;

  constructor(readonly pattern: string) {
    const m = pattern.length;
    this.blocks = Math.max(1, Math.ceil(m / W));
    this.peq = new Int32Array(this.blocks * 65536);
    for (let i = 0; i < m; i++) {
      this.peq[((i / W) | 0) * 65536 + pattern.charCodeAt(i)]! |= 1 << (i % W);
    }
    this.pv = new Int32Array(this.blocks);
    this.mv = new Int32Array(this.blocks);
    this.lastBit = 1 << ((m - 1) % W);
  }

  /**
   * The distance to each line of `text` (lines joined by "\n"), with where each line starts (and, last, the text's
   * length + 1). One pass over the text; a pattern of one block keeps its state in locals.
   */
  toEachLine(text: string): { distances: Int32Array; starts: Int32Array } {
    const m = this.pattern.length;
    let lines = 1;
    for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) lines++;
    const distances = new Int32Array(lines);
    const starts = new Int32Array(lines + 1);
    starts[lines] = text.length + 1;
    if (this.blocks > 1 || m === 0) {
      for (let i = 0, from = 0; i < lines; i++) {
        const to = i + 1 < lines ? text.indexOf('\n', from) : text.length;
        starts[i] = from; distances[i] = this.to(text, from, to);
        from = to + 1;
      }
      return { distances, starts };
    }
    // Locals only in this loop (no closure writes): V8 keeps every value in a register.
    const peq = this.peq; const shift = m - 1;
    let pv = -1; let mv = 0; let score = m; let line = 0;
    for (let j = 0, n = text.length; j < n; j++) {
      const c = text.charCodeAt(j);
      if (c === 10) { distances[line++] = score; starts[line] = j + 1; pv = -1; mv = 0; score = m; continue; }
      const eq = peq[c]!;
      const xv = eq | mv;
      const xh = ((((eq & pv) + pv) | 0) ^ pv) | eq; // "| 0": a 32-bit add, not a float one
      let ph = mv | ~(xh | pv);
      let mh = pv & xh;
      score += ((ph >>> shift) & 1) - ((mh >>> shift) & 1); // no branch: it would be mispredicted half the time
      ph = (ph << 1) | 1; mh <<= 1;
      pv = mh | ~(xv | ph);
      mv = ph & xv;
    }
    distances[line] = score;
    return { distances, starts };
  }

  /** The distance from the pattern to text[from, to). */
  to(text: string, from = 0, to = text.length): number {
    const m = this.pattern.length;
    if (m === 0) return to - from;
    const { blocks, peq, pv, mv } = this;
    // Column 0 of the table is 0, 1, …, m: every vertical delta +1.
    pv.fill(-1); mv.fill(0);
    let score = m;
    for (let j = from; j < to; j++) {
      const c = text.charCodeAt(j);
      // Row 0 grows by one a column (the distance from the empty prefix): +1 enters the first block from above.
      let hin = 1;
      for (let b = 0; b < blocks; b++) {
        let eq = peq[b * 65536 + c]!;
        const p = pv[b]!; const n = mv[b]!;
        const xv = eq | n;
        if (hin < 0) eq |= 1;
        const xh = ((((eq & p) + p) | 0) ^ p) | eq;
        let ph = n | ~(xh | p);
        let mh = p & xh;
        const top = b === blocks - 1 ? this.lastBit : 1 << (W - 1);
        const hout = ph & top ? 1 : mh & top ? -1 : 0;
        ph <<= 1; mh <<= 1;
        if (hin < 0) mh |= 1; else if (hin > 0) ph |= 1;
        pv[b] = mh | ~(xv | ph);
        mv[b] = ph & xv;
        hin = hout;
      }
      score += hin;
    }
    return score;
  }
}

/** Levenshtein distance of two strings, row by row: the plain definition, for tests and one-off use. */
export function editDistance(a: string, b: string): number {
  const row = Int32Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0]!; row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cur = row[j]!;
      row[j] = Math.min(row[j]! + 1, row[j - 1]! + 1, prev + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1));
      prev = cur;
    }
  }
  return row[b.length]!;
}

/**
 * How two different strings are one typo apart: one letter changed, added or dropped ('letter'), or two adjacent
 * letters swapped ('swap'); undefined when they are further apart. Sharing a one-letter-deleted variant is not
 * enough: "anan" and "noan" share "nan" but are two edits apart.
 */
export function typoApart(a: string, b: string): 'letter' | 'swap' | undefined {
  if (a.length < b.length) [a, b] = [b, a];
  const extra = a.length - b.length;
  if (extra > 1 || a === b) return undefined;
  let i = 0;
  while (i < b.length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  // One letter added: the rest of b is the rest of a after the added letter.
  if (extra === 1) return a.slice(i + 1) === b.slice(i) ? 'letter' : undefined;
  if (a.slice(i + 1) === b.slice(i + 1)) return 'letter';
  const swapped = a.charCodeAt(i) === b.charCodeAt(i + 1) && a.charCodeAt(i + 1) === b.charCodeAt(i);
  return swapped && a.slice(i + 2) === b.slice(i + 2) ? 'swap' : undefined;
}
