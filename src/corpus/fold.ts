// Text folding for comparisons: accents, case, punctuation and letters without a decomposition (ß, ø, ł…).

const SPECIAL: Record<string, string> = { ß: 'ss', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', þ: 'th', ı: 'i', ȷ: 'j', ŋ: 'ng' };
const SPECIAL_RE = /[ßøØæÆœŒłŁđĐðþıȷŋ]/g;

/** Lowercase ASCII-ish form: accents stripped, punctuation to spaces, spaces collapsed. */
export function foldText(text: string): string {
  let s = text;
  // ASCII fast path: most names and titles need no Unicode work.
  if (/[^\x00-\x7F]/.test(s)) s = s.normalize('NFKD').replace(/\p{M}+/gu, '').replace(SPECIAL_RE, (c) => SPECIAL[c] ?? c);
  return s.toLowerCase().replace(/[^a-z0-9\u0080-\uFFFF]+/g, ' ').trim();
}

/** foldText with the spaces removed too ("Heung-Yeung" and "Heung Yeung" → "heungyeung"). */
export function foldCompact(text: string): string {
  return foldText(text).replace(/ /g, '');
}

/** Words of a folded title or abstract. */
export function foldWords(text: string): string[] {
  const f = foldText(text);
  return f ? f.split(' ') : [];
}
