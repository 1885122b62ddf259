// FNV-1a, 32 bit: short stable ids for papers without arXiv id or DOI, and text hashes for bucketing.

/** The hash as an unsigned integer. */
export function fnv1a(text: string, seed = 0x811c9dc5): number {
  let h = seed;
  for (let i = 0; i < text.length; i++) { h ^= text.charCodeAt(i); h = Math.imul(h, 0x01000193); }
  return h >>> 0;
}

export function hash32(text: string): string {
  return fnv1a(text).toString(16).padStart(8, '0');
}
