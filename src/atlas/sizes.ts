// Node sizes scaled to what a view shows: the more nodes on screen, the smaller the largest one.

/** Largest and smallest node size (pixels at zoom 1) for a view of n nodes. */
export function sizeRange(n: number): { min: number; max: number } {
  const max = Math.max(7, Math.min(22, 26 - 4.5 * Math.log10(Math.max(1, n))));
  return { min: Math.max(2, max / 5), max };
}

/** Size for a value (papers, members) against the largest value shown: area grows with the value. */
export function scaledSize(value: number, largest: number, range: { min: number; max: number }): number {
  const share = largest > 0 ? Math.sqrt(Math.max(0, value) / largest) : 0;
  return Math.round((range.min + (range.max - range.min) * share) * 100) / 100;
}
