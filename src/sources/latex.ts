// Decodes the LaTeX accent and letter escapes that leak into names and titles outside BibTeX files.
// BibTeX itself goes through @retorquere/bibtex-parser; this covers CSV, RIS and listing pages that
// carry copied BibTeX text, where pulling in a full LaTeX parser would be out of proportion.

const ACCENTS: Record<string, string> = {
  "'": '\u0301', '`': '\u0300', '^': '\u0302', '"': '\u0308', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A', d: '\u0323', b: '\u0331',
};

const LETTERS: Record<string, string> = {
  ss: 'ß', o: 'ø', O: 'Ø', aa: 'å', AA: 'Å', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', l: 'ł', L: 'Ł', i: 'ı', j: 'ȷ',
  dh: 'ð', DH: 'Ð', th: 'þ', TH: 'Þ', ng: 'ŋ', NG: 'Ŋ',
};

// An accent command, then its letter braced ("\'{e}", "\'{\i}") or bare ("\'e", "\'\i").
const ACCENT_RE = new RegExp(String.raw`\\([${"`"}'^"~=.]|[uvHckrdb](?![a-zA-Z]))\s*`
  + String.raw`(?:\{\s*(\\?[a-zA-Z]{1,2}|[^{}])\s*\}|(\\[ij](?![a-zA-Z])|[a-zA-Z]))`, 'g');

const LETTER_RE = /\\(ss|aa|AA|ae|AE|oe|OE|dh|DH|th|TH|ng|NG|[oOlLij])(?![a-zA-Z])\s?/g;

/**
 * Replaces LaTeX accents and special letters with Unicode and drops grouping braces. Text without a backslash or brace
 * is returned as is.
 */
export function decodeLatex(text: string): string {
  if (!/[\\{}~]/.test(text)) return text;
  let out = text.replace(LETTER_RE, (_m, name: string) => LETTERS[name] ?? _m);
  out = out.replace(ACCENT_RE, (_m, cmd: string, braced?: string, bare?: string) => {
    let base = braced ?? bare ?? '';
    if (base === '\\i' || base === 'ı') base = 'i';
    if (base === '\\j' || base === 'ȷ') base = 'j';
    return (base + (ACCENTS[cmd] ?? '')).normalize('NFC');
  });
  out = out.replace(/\\&/g, '&').replace(/\\([%$#_])/g, '$1').replace(/(?<!\\)~/g, '\u00A0');
  return out.replace(/(?<!\\)[{}]/g, '').replace(/\u00A0/g, ' ');
}
