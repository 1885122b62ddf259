// A name's letters as bits, stored with each author: their difference bounds the edit distance from below, so
// suggestions for an unknown name skip most of the distances (DuckDB's levenshtein, counted in UTF-8 bytes).

const encoder = new TextEncoder();

/** Bit of a UTF-8 byte: a–z one each, then digits, space, other ASCII, and two for the bytes of other scripts. */
function bitOf(byte: number): number {
  if (byte >= 97 && byte <= 122) return byte - 97;
  if (byte >= 48 && byte <= 57) return 26;
  if (byte === 32) return 27;
  return byte < 128 ? 28 : 29 + (byte & 1);
}

/**
 * Bits of the byte values in `text` (31 bits, so the mask is a positive INTEGER). A bit one text has and the other
 * lacks stands for a byte value missing from the other, and each edit makes or removes one byte: so the distance
 * is at least the count of such bits on either side.
 */
export function letterMask(text: string): number {
  let mask = 0;
  const bytes = /^[\x00-\x7f]*$/.test(text) ? undefined : encoder.encode(text);
  const n = bytes ? bytes.length : text.length;
  for (let i = 0; i < n; i++) mask |= 1 << bitOf(bytes ? bytes[i]! : text.charCodeAt(i));
  return mask;
}

/** SQL for the lower bound between a query's mask (parameter) and the authors' `letters` column. */
export const maskBoundSql = (param: string) =>
  `greatest(bit_count(${param} & ~letters), bit_count(letters & ~${param}))`;
