// Where a JSON text can be cut so that each piece holds whole records (tagged formats: see byteCuts).

/** Given the text read so far, the offset up to which it holds only whole records (0: keep reading). */
export type CutFinder = (text: string, state: CutState) => number;

export interface CutState {
  /** CSL-JSON: the text starts inside the top-level array (every piece but the first). */
  insideArray: boolean;
}

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

/** JSON Lines: after the last line break (each line is one whole record). */
export const cutJsonLines: CutFinder = (text) => text.lastIndexOf('\n') + 1;
