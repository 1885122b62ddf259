// Author search with suggestions: accent- and case-insensitive, matching any spelling variant (minisearch).

import MiniSearch from 'minisearch';
import type { CoauthorGraph } from '../graph/buildGraph';
import { foldText } from '../corpus/fold';
import type { AuthorHit } from '../atlas/data';


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
  return (query, limit = 8) => {
    if (!query.trim()) return [];
    return index.search(query).slice(0, limit).map((r) => {
      const a = graph.getNodeAttributes(r.id as string);
      const q = foldText(query);
      const matched = a.aliases.find((al) => foldText(al).includes(q) && al !== a.label) ?? '';
      return { key: r.id as string, label: a.label, papers: a.papers, matched, group: a.community };
    });
  };
}
