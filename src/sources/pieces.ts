// Where a text of one format can be cut so that each piece holds whole records: lets every format stream.

/** Given the text read so far, the offset up to which it holds only whole records (0: keep reading). */
export type CutFinder = (text: string, state: CutState) => number;

export interface CutState {
  /** CSL-JSON: the text starts inside the top-level array (every piece but the first). */
  insideArray: boolean;
}

/** BibTeX: before the last line that starts an entry ("@type{" at the start of a line, as the scanner sees it). */
export const cutBibtex: CutFinder = (text) => {
  for (let at = text.lastIndexOf('\n@'); at >= 0; at = text.lastIndexOf('\n@', at - 1)) {
    if (/^@[A-Za-z]+\s*[{(]/.test(text.slice(at + 1, at + 40))) return at + 1;
  }
  return 0;
};

/** RIS and other tagged formats: after the last line that starts with `marker` (the end-of-record tag). */
export function cutAfterLine(marker: string): CutFinder {
  return (text) => {
    const at = text.lastIndexOf(`\n${marker}`);
    if (at < 0) return 0;
    const nl = text.indexOf('\n', at + 1);
    return nl < 0 ? 0 : nl + 1;
  };
}

/** CSV/TSV: after the last line break that is not inside a quoted cell. */
export const cutCsv: CutFinder = (text) => {
  // Most tables quote nothing: then the last line break is the cut, found without reading each character.
  if (text.indexOf('"') < 0) return text.lastIndexOf('\n') + 1;
  let inQuotes = false; let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (c === 10 && !inQuotes) last = i + 1;
  }
  return last;
};

/** JSON array of items (CSL-JSON, OpenAlex, …): after the last comma between top-level items. */
export const cutJsonArray: CutFinder = (text, state) => {
  let depth = state.insideArray ? 1 : 0; let inString = false; let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) { if (c === 92) i++; else if (c === 34) inString = false; continue; }
    if (c === 34) inString = true;
    else if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) depth--;
    else if (c === 44 && depth === 1) last = i + 1;
  }
  return last;
};


/** MEDLINE: before the last line that starts a record ("PMID- "). */
export const cutMedline: CutFinder = (text) => {
  const at = text.lastIndexOf('\nPMID-');
  return at < 0 ? 0 : at + 1;
};

/** JSON Lines: after the last line break (each line is one whole record). */
export const cutJsonLines: CutFinder = (text) => text.lastIndexOf('\n') + 1;
