// One Unicode form for all text the pipeline keeps (NFC).

const NON_ASCII = /[^\x00-\x7F]/;

/**
 * Unicode NFC: the same name from LaTeX accents, decomposed UTF-8 and precomposed text must be the same string
 * (search, joins in users' tools, spreadsheets). Every record's text and every parsed name passes here.
 */
export function nfc(text: string): string;
export function nfc(text: string | undefined): string | undefined;
export function nfc(text: string | undefined): string | undefined {
  return text && NON_ASCII.test(text) ? text.normalize('NFC') : text;
}
