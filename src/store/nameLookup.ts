// The store's name_lookup table: a 32-bit hash of every spelling's identity key and folded form and of every label's
// key, with its author, sorted by hash. A name's candidates then come from one or two row groups (DuckDB skips the
// rest by their min/max), where matching the spellings' text scanned 1.6M rows (2.9M records: 150 ms a question).

import { fnv1a } from '../corpus/hash';
import { IntColumn } from '../compact/columns';
import { int32s } from '../compact/uncounted';

/** What a hashed text is: an identity key or a folded spelling (the two never match each other). */
export type LookupKind = 'key' | 'fold';

/** FNV-1a's state after a first letter that tells keys from folds: the text is hashed on from it, not copied. */
const KEY_SEED = fnv1a('k');
const FOLD_SEED = fnv1a('f');

/** The hash of a key or a folded spelling (as of "k" or "f" and the text), as the table holds it: signed 32-bit. */
export function lookupHash(kind: LookupKind, text: string): number {
  return fnv1a(text, kind === 'key' ? KEY_SEED : FOLD_SEED) | 0;
}

/** The rows of name_lookup, gathered while the spellings and authors are written, sorted at the end. */
export class NameLookupRows {
  private readonly hashes = new IntColumn();
  private readonly authors = new IntColumn();

  add(kind: LookupKind, text: string, author: number): void {
    this.hashes.push(lookupHash(kind, text));
    this.authors.push(author);
  }

  /** The rows in hash order (equal hashes in the order added), a row repeated at once dropped. */
  sorted(): { hash: Int32Array; author: Int32Array } {
    const { hash, author } = sortByHash(this.hashes.view(), this.authors.view());
    let kept = 0;
    for (let i = 0; i < hash.length; i++) {
      if (kept > 0 && hash[i] === hash[kept - 1] && author[i] === author[kept - 1]) continue;
      hash[kept] = hash[i]!; author[kept] = author[i]!; kept++;
    }
    return { hash: hash.subarray(0, kept), author: author.subarray(0, kept) };
  }
}

/**
 * Pairs sorted by signed hash, stable, into new arrays: three passes of a counting sort on 11 bits each (millions of
 * pairs in tens of milliseconds, where a comparator sort of an index took seconds). Why not two passes of 16 bits:
 * scattering to 65,536 places missed the cache on every write, and took three times as long.
 */
export function sortByHash(hash: Int32Array, author: Int32Array): { hash: Int32Array; author: Int32Array } {
  let pairs = { hash, author };
  for (const shift of [0, 11, 22]) pairs = countingPass(pairs.hash, pairs.author, shift);
  return pairs;
}

/** One stable pass on the 11 bits of the hash at `shift`, its sign bit flipped (negative hashes first). */
function countingPass(hash: Int32Array, author: Int32Array, shift: number): { hash: Int32Array; author: Int32Array } {
  const digit = (h: number) => ((h ^ 0x80000000) >>> shift) & 0x7ff;
  const counts = new Int32Array(0x801);
  for (let i = 0; i < hash.length; i++) counts[digit(hash[i]!) + 1]!++;
  for (let d = 1; d <= 0x800; d++) counts[d]! += counts[d - 1]!;
  const out = { hash: int32s(hash.length), author: int32s(hash.length) };
  for (let i = 0; i < hash.length; i++) {
    const at = counts[digit(hash[i]!)]!++;
    out.hash[at] = hash[i]!; out.author[at] = author[i]!;
  }
  return out;
}
