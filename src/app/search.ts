// Author search with suggestions: accent- and case-insensitive, matching any spelling variant (minisearch).

import MiniSearch from 'minisearch';
import type { CoauthorGraph } from '../graph/buildGraph';
import { foldCompact, foldText } from '../corpus/fold';
import { rankNearest } from '../corpus/findAuthor';
import { nearestCandidates, scoreNames } from '../corpus/nearestNames';
import type { AuthorHit } from '../atlas/data';
import { NEAR_FROM } from '../atlas/data';


export function buildSearch(graph: CoauthorGraph): (query: string, limit?: number) => AuthorHit[] {
  const index = new MiniSearch<{ id: string; label: string; aliases: string }>({
    fields: ['label', 'aliases'],
    storeFields: ['label'],
    processTerm: (term) => foldText(term) || null,
    tokenize: (text) => text.split(/[\s,.;\-‐'’]+/),
    searchOptions: {
      prefix: true, fuzzy: (term) => (term.length > 4 ? 0.2 : 0), boost: { label: 2 }, combineWith: 'AND',
    },

  });
  index.addAll(graph.mapNodes((key, a) => ({ id: key, label: a.label, aliases: a.aliases.join(' ; ') })));
  let near: ((query: string, limit: number) => AuthorHit[]) | undefined;
  return (query, limit = 8) => {
    if (!query.trim()) return [];
    const found = index.search(query);
    // A name that matches no spelling, even loosely (a typo): the closest names, as `author` suggests them.
    if (found.length === 0 && [...foldCompact(query)].length >= NEAR_FROM) {
      near ??= closestNames(graph);
      return near(query, limit);
    }
    return found.slice(0, limit).map((r) => {
      const a = graph.getNodeAttributes(r.id as string);
      const q = foldText(query);
      const matched = a.aliases.find((al) => foldText(al).includes(q) && al !== a.label) ?? '';
      return { key: r.id as string, label: a.label, papers: a.papers, matched, group: a.community };
    });
  };
}

/** The labels nearest a query (scored as `author` scores suggestions), flagged `near`. */
function closestNames(graph: CoauthorGraph): (query: string, limit: number) => AuthorHit[] {
  const keys = graph.nodes();
  const folds = keys.map((k) => foldText(graph.getNodeAttribute(k, 'label'))).join('\n');
  const papers = keys.map((k) => graph.getNodeAttribute(k, 'papers'));
  const labelOf = (i: number) => graph.getNodeAttribute(keys[i]!, 'label');
  return (query, limit) => rankNearest(
    nearestCandidates(scoreNames(folds, foldText(query)), (i) => papers[i]!, limit), labelOf, limit,
  ).map((c) => {
    const a = graph.getNodeAttributes(keys[c.index]!);
    return { key: keys[c.index]!, label: a.label, papers: a.papers, matched: '', group: a.community, near: true };
  });
}
