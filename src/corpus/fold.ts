// Text folding for comparisons: accents, case, punctuation and letters without a decomposition (ß, ø, ł…).

const SPECIAL: Record<string, string> = {
  ß: 'ss', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  ȷ: 'j', ŋ: 'ng',
};
const SPECIAL_RE = /[ßøØæÆœŒłŁđĐðþıȷŋ]/g;

/** Lowercase ASCII-ish form: accents stripped, punctuation to spaces, spaces collapsed. */
export function foldText(text: string): string {
  return stripAccents(text).toLowerCase().replace(/[^a-z0-9\u0080-\uFFFF]+/g, ' ').trim();
}

const MARKS = /\p{M}+/gu;
const WORD = /[a-z0-9\u0080-\uFFFF]+/g;

function stripAccents(text: string): string {
  // ASCII fast path: most names and titles need no Unicode work.
  if (!/[^\x00-\x7F]/.test(text)) return text;
  return text.normalize('NFKD').replace(MARKS, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
}

/** foldText with the spaces removed too ("Heung-Yeung" and "Heung Yeung" → "heungyeung"). */
export function foldCompact(text: string): string {
  return foldText(text).replace(/ /g, '');
}

/** Words of a folded title or abstract. */
export function foldWords(text: string): string[] {
  // The words foldText would separate by spaces, found in one pass.
  return stripAccents(text).toLowerCase().match(WORD) ?? [];
}
