// OpenAlex works: a JSON array, an API page ({"results": […]}), one work, or JSON Lines (the snapshot's parts,
// gzipped or not). Authors come from `authorships`: the name as printed (raw_author_name, else display_name), the
// OpenAlex author id and the ORCID; the abstract is rebuilt from its inverted index.

import type { ParseResult } from '../types';
import { joinIds, openalexAuthorId, orcidId } from './identifiers';
import { arr, obj, readJsonWorks, str, stripDoi } from './jsonWorks';
import { issue, newRecord } from './record';
import { tidy } from './textShape';

export function sniffOpenAlex(text: string): number {
  const head = text.slice(0, 60000);
  return /"authorships"\s*:/.test(head) && /openalex\.org\/W\d+/.test(head) ? 1 : 0;
}

const unwrap = (top: unknown): unknown[] | undefined => {
  if (Array.isArray(top)) return top;
  if (top && typeof top === 'object') {
    const results = (top as Record<string, unknown>).results;
    if (Array.isArray(results)) return results;
    if ('authorships' in top) return [top];
  }
  return undefined;
};

function abstractOf(index: Record<string, unknown> | undefined): string | undefined {
  if (!index) return undefined;
  const words: string[] = [];
  for (const [word, at] of Object.entries(index)) {
    if (Array.isArray(at)) for (const p of at) if (Number.isInteger(p)) words[p as number] = word;
  }
  return tidy(words.filter(Boolean).join(' ')) || undefined;
}

export function parseOpenAlex(file: string, input: string): ParseResult {
  const out: ParseResult = { file, format: 'openalex', records: [], issues: [] };
  const { works, issues } = readJsonWorks(file, input, unwrap, (w) => str(w, 'id') || undefined);
  out.issues.push(...issues);
  for (const { value: w, line } of works) {
    const rec = newRecord(file, line, 'openalex');
    rec.sourceKey = str(w, 'id').replace(/^https?:\/\/openalex\.org\//, '') || undefined;
    rec.title = tidy(str(w, 'title') || str(w, 'display_name')) || undefined;
    const year = w.publication_year;
    if (typeof year === 'number' && Number.isInteger(year)) rec.year = year;
    const doi = stripDoi(str(w, 'doi'));
    if (doi) rec.doi = doi;
    rec.abstract = abstractOf(obj(w, 'abstract_inverted_index'));
    rec.venue = str(obj(obj(w, 'primary_location'), 'source'), 'display_name') || undefined;
    const ids: string[] = [];
    for (const a of arr(w, 'authorships')) {
      const author = obj(a, 'author');
      const name = str(a, 'raw_author_name').trim() || str(author, 'display_name').trim();
      if (!name) continue;
      rec.authors.push(name);
      ids.push(joinIds([openalexAuthorId(str(author, 'id')), orcidId(str(author, 'orcid'))]));
    }
    if (ids.some(Boolean)) rec.authorIds = ids;
    if (w.is_retracted === true) {
      out.issues.push(issue('retracted', 'info', `${rec.sourceKey ?? 'work'} is retracted; kept`, file, line));
    }

    if (!rec.title) out.issues.push(issue('no-title', 'warning', 'work has no title', file, line));
    out.records.push(rec);
  }
  return out;
}
