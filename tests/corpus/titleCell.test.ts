// The store's title cells: UTF-8 bytes in place where trimming has nothing to take, text otherwise, and the same
// title as titleOf either way (spaces of every kind at either end, non-ASCII edges, empty and missing titles).

import { describe, expect, it } from 'vitest';
import { RecordTable } from '../../src/corpus/recordTable';
import { resolveTable } from '../../src/corpus/resolveTable';
import { titleCell, titleOf } from '../../src/corpus/papers';
import type { PaperRecord } from '../../src/types';

const TITLES = [
  'Plain title', ' leading space', 'trailing space ', '\ttabbed\n', '\u00a0no-break space\u00a0', 'Über alles',
  'ends in ü', '\u3000ideographic space', 'ok\u2003', 'x', '', '  ', '"Quoted"', 'emoji 😀', '😀 first',
  'a\u001fcontrol', '(Parenthesised)', undefined,
];

function record(i: number, title: string | undefined): PaperRecord {
  return { file: 't.bib', line: i + 1, format: 'bibtex', title, authors: [`Author${i} Person`, `Other${i} Name`],
    truncated: false, categories: [], organisations: [], year: 2000 + i };
}

describe('titleCell', () => {
  it('gives every paper the title titleOf gives, as bytes only where both ends are printable ASCII', () => {
    const table = RecordTable.fromResults([{ file: 't.bib', format: 'bibtex', issues: [],
      records: TITLES.map((t, i) => record(i, t)) }]);
    const c = resolveTable(table);
    expect(c.papers.count).toBe(TITLES.length);
    const decoder = new TextDecoder();
    let asBytes = 0;
    for (let p = 0; p < c.papers.count; p++) {
      const cell = titleCell(table, c.papers, p);
      const text = typeof cell === 'string' ? cell : decoder.decode(cell);
      expect(text).toBe(titleOf(table, c.papers, p));
      if (typeof cell !== 'string') {
        asBytes++;
        expect(text).toBe(text.trim());
        expect(text).toMatch(/^[\x21-\x7e].*[\x21-\x7e]$|^[\x21-\x7e]$/su);
      }
    }
    // Plain title, x, "Quoted", a␟control and (Parenthesised); "emoji 😀" ends beyond ASCII, so goes as text.
    expect(asBytes).toBe(5);
  });
});
