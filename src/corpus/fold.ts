// Text folding for comparisons: accents, case, punctuation and letters without a decomposition (ß, ø, ł…).

const SPECIAL: Record<string, string> = {
  ß: 'ss', ø: 'o', Ø: 'o', æ: 'ae', Æ: 'ae', œ: 'oe', Œ: 'oe', ł: 'l', Ł: 'l', đ: 'd', Đ: 'd', ð: 'd', þ: 'th', ı: 'i',
  ȷ: 'j', ŋ: 'ng',
};
const SPECIAL_RE = /[ßøØæÆœŒłŁđĐðþıȷŋ]/g;

/** Lowercase ASCII-ish form: accents stripped, punctuation to spaces, spaces collapsed. */
export function foldText(text: string): string {
  // Most names are plain words already: lower case is all they need (a whole corpus folds millions of them).
  return plainWords(text) ? text.toLowerCase() : foldTextGenerally(text);
}

/** The general path of foldText (exported for the test that checks the fast path against it). */
export function foldTextGenerally(text: string): string {
  return stripAccents(text).toLowerCase().replace(/[^a-z0-9\u0080-\uFFFF]+/g, ' ').trim();
}

/** ASCII letters and digits in words parted by single spaces, nothing before or after (or the empty text). */
function plainWords(text: string): boolean {
  let afterSpace = true;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 32) { if (afterSpace) return false; afterSpace = true; continue; }
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57))) return false;
    afterSpace = false;
  }
  return !afterSpace || text.length === 0;
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
