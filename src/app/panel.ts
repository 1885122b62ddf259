// The side panel: one author's names, papers and collaborators (strongest first), or the shared papers behind one tie.

import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import { el, safeHref } from './dom';
import { pushTo } from '../compact/listMap';

export interface PanelActions {
  focusAuthor: (key: string) => void;
  selectTie: (a: string, b: string) => void;
  close: () => void;
}

const SUSPECT_NOTE = 'Known only from author lists that look mis-paired (given and family names from different '
  + 'people): this may not be a real person. See the report, "Suspect author lists".';

/** An identifier as a link to its registry (ORCID, OpenAlex, Scopus), or as text. */
function idLink(id: string): HTMLElement | string {
  const [system, value = ''] = id.split(/:(.*)/s);
  const url = system === 'orcid' ? `https://orcid.org/${value}`
    : system === 'openalex' ? `https://openalex.org/${value}`
      : system === 'scopus' ? `https://www.scopus.com/authid/detail.uri?authorId=${value}` : undefined;
  const href = url ? safeHref(url) : undefined;
  return href ? el('a', { href, target: '_blank', rel: 'noopener noreferrer' }, id) : id;
}

function paperItem(p: GraphPaper): HTMLElement {
  const links: (HTMLElement | string)[] = [];
  const arxivPath = p.arxivId && encodeURIComponent(p.arxivId).replace(/%2F/g, '/');
  const arxiv = arxivPath ? safeHref(`https://arxiv.org/abs/${arxivPath}`) : undefined;
  if (arxiv) links.push(el('a', { href: arxiv, target: '_blank', rel: 'noopener noreferrer' }, `arXiv:${p.arxivId}`));
  const doi = p.doi ? safeHref(`https://doi.org/${encodeURI(p.doi)}`) : undefined;
  if (doi) links.push(el('a', { href: doi, target: '_blank', rel: 'noopener noreferrer' }, `doi:${p.doi}`));
  return el('li', { class: 'paper' },
    el('div', { class: 'paper-title' }, p.title),
    el('div', { class: 'paper-meta' },
      p.year !== undefined ? `${p.year} · ` : '',
      `${p.authors.length}${p.complete ? '' : '+'} authors`,
      p.suspect ? el('span', { class: 'suspect', title: 'see the report: suspect author lists' },
        ' · list looks mis-paired') : '',

      ...links.flatMap((l) => [' · ', l])),
    el('div', { class: 'paper-sources', title: 'where this paper was read' }, p.sources.join(', ')),
  );
}

export function papersByAuthor(papers: GraphPaper[]): Map<string, GraphPaper[]> {
  const map = new Map<string, GraphPaper[]>();
  for (const p of papers) for (const a of p.authors) pushTo(map, a, p);
  return map;
}

export function renderAuthorPanel(
  root: HTMLElement, graph: CoauthorGraph, key: string, papers: GraphPaper[], communityLabel: string,
  actions: PanelActions, extra: HTMLElement[] = [],
): void {
  const a = graph.getNodeAttributes(key);
  const collaborators = graph.mapEdges(key, (_e, attr, s, t) => ({ other: s === key ? t : s, ...attr }))
    .sort((x, y) => y.papers - x.papers || y.weight - x.weight
      || (graph.getNodeAttribute(x.other, 'label') < graph.getNodeAttribute(y.other, 'label') ? -1 : 1));
  const sorted = [...papers].sort((x, y) => (y.year ?? 0) - (x.year ?? 0) || (x.title < y.title ? -1 : 1));
  const collabList = el('ol', { class: 'collaborators' });
  for (const c of collaborators) {
    const label = graph.getNodeAttribute(c.other, 'label');
    const name = el('button', { class: 'link', 'data-author': c.other, title: 'show this author' }, label);
    name.addEventListener('click', () => actions.focusAuthor(c.other));
    const count = el('button', { class: 'count', title: 'show the shared papers' }, `${c.papers} shared`);
    count.addEventListener('click', () => actions.selectTie(key, c.other));
    collabList.append(el('li', {}, name, ' ', count));
  }
  const close = el('button', { class: 'close', 'aria-label': 'close panel' }, '×');
  close.addEventListener('click', actions.close);
  const variants = a.aliases.filter((x) => x !== a.label);
  root.replaceChildren(
    close,
    el('h2', { id: 'panel-name' }, a.label),
    el('div', { class: 'community-chip' },
      el('span', { class: 'swatch', style: `background:${/^#[0-9a-f]{6}$/i.test(a.color) ? a.color : '#999'}` }),
      communityLabel),
    variants.length ? el('p', { class: 'variants' }, `Also written: ${variants.join(' · ')}`) : '',
    a.suspect ? el('p', { class: 'suspect' }, SUSPECT_NOTE) : '',
    a.ids?.length ? el('p', { class: 'ids' }, ...a.ids.flatMap((id, i) => [i ? ' · ' : '', idLink(id)])) : '',
    ...extra,
    el('h3', {}, `Papers (${papers.length})`),
    el('ul', { class: 'papers' }, ...sorted.map(paperItem)),
    el('h3', {}, `Collaborators (${collaborators.length}), strongest first`),
    collabList,
  );
  root.hidden = false;
}

export function renderTiePanel(
  root: HTMLElement, graph: CoauthorGraph, a: string, b: string, papers: GraphPaper[], actions: PanelActions,
): void {

  const edge = graph.edge(a, b);
  const attr = edge ? graph.getEdgeAttributes(edge) : undefined;
  const ids = new Set(attr?.paperIds ?? []);
  const shared = papers.filter((p) => ids.has(p.id));
  const name = (k: string) => {
    const btn = el('button', { class: 'link', 'data-author': k }, graph.getNodeAttribute(k, 'label'));
    btn.addEventListener('click', () => actions.focusAuthor(k));
    return btn;
  };
  const close = el('button', { class: 'close', 'aria-label': 'close panel' }, '×');
  close.addEventListener('click', actions.close);
  root.replaceChildren(
    close,
    el('h2', { id: 'panel-name' }, name(a), ' — ', name(b)),
    el('p', {}, attr
      ? `${attr.papers} shared paper${attr.papers === 1 ? '' : 's'} · weight ${Math.round(attr.weight * 1000) / 1000}`
      : 'These two authors share no paper in the current graph.'),
    el('ul', { class: 'papers' }, ...shared.map(paperItem)),
  );
  root.hidden = false;
}
