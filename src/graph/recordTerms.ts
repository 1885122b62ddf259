// Terms of every record's title and abstract, read once (a whole-corpus build does it on another thread while it
// resolves); a paper's terms are then put together from its title and abstract records without reading text again.

import { IntColumn } from '../compact/columns';
import type { PaperTerms } from './paperTerms';
import { TermCounts, Vocabulary, visitTerms } from './paperTerms';

export interface RecordTerms {
  vocab: Vocabulary;
  /** Title terms of record r, each once, in first-use order: titleIds[titleStart[r] .. titleStart[r+1]). */
  titleStart: Int32Array;
  titleIds: Int32Array;
  /** Abstract terms of record r in first-use order, with how many times the abstract uses each. */
  abstractStart: Int32Array;
  abstractIds: Int32Array;
  abstractCounts: Int32Array;
}

/** Reads the terms of records 0 .. count-1 (title and abstract as the record table holds them, '' when absent). */
export function recordTermTable(
  count: number, title: (r: number) => string, abstract: (r: number) => string,
): RecordTerms {
  const vocab = new Vocabulary();
  const titleStart = new Int32Array(count + 1); const abstractStart = new Int32Array(count + 1);
  const titleIds = new IntColumn(count * 4);
  const abstractIds = new IntColumn(); const abstractCounts = new IntColumn();
  const counts = new TermCounts();
  for (let r = 0; r < count; r++) {
    const text = abstract(r);
    if (text) {
      visitTerms(text, vocab, (id) => counts.add(id, 1));
      counts.drain((id, n) => { abstractIds.push(id); abstractCounts.push(n); });
    }
    abstractStart[r + 1] = abstractIds.length;
    visitTerms(title(r), vocab, (id) => counts.add(id, 1));
    counts.drain((id) => { titleIds.push(id); });
    titleStart[r + 1] = titleIds.length;
  }
  titleIds.trim(); abstractIds.trim(); abstractCounts.trim();
  return {
    vocab, titleStart, titleIds: titleIds.view(), abstractStart, abstractIds: abstractIds.view(),
    abstractCounts: abstractCounts.view(),
  };
}

/** Where each paper's text comes from (PaperColumns' fields of that name). */
export interface TermSources {
  count: number;
  /** Record whose title names paper p, or -1 when the title was made (then in madeTitles). */
  titleRecord: Int32Array;
  /** Record whose abstract paper p shows, or -1. */
  abstractRecord: Int32Array;
  madeTitles: ReadonlyMap<number, string>;
}

/**
 * The papers' terms as paperTermTable reads them from their text (same uses, same order within a paper), for the
 * papers `read` picks; a made title is read here, into the same vocabulary.
 */
export function paperTermsOfRecords(
  terms: RecordTerms, papers: TermSources, read: (p: number) => boolean = () => true,
): PaperTerms {
  const { vocab, titleStart, titleIds, abstractStart, abstractIds, abstractCounts } = terms;
  const start = new Int32Array(papers.count + 1);
  const ids = new IntColumn(papers.count); const uses = new IntColumn(papers.count);
  const paper = new TermCounts();
  const inTitle = (id: number) => paper.add(id, 0, 1);
  for (let p = 0; p < papers.count; p++) {
    start[p + 1] = ids.length;
    if (!read(p)) continue;
    const a = papers.abstractRecord[p]!;
    if (a >= 0) {
      for (let k = abstractStart[a]!; k < abstractStart[a + 1]!; k++) {
        paper.add(abstractIds[k]!, 2 * abstractCounts[k]!);
      }

    }
    const t = papers.titleRecord[p]!;
    if (t >= 0) for (let k = titleStart[t]!; k < titleStart[t + 1]!; k++) inTitle(titleIds[k]!);
    else visitTerms(papers.madeTitles.get(p) ?? '', vocab, inTitle);
    paper.drain((id, n) => { ids.push(id); uses.push(n); });
    start[p + 1] = ids.length;
  }
  ids.trim(); uses.trim();
  return { vocab, start, ids: ids.view(), uses: uses.view() };
}
