// The group map's views over any AtlasData: the map, a group (or its sub-groups), an author's ego network.

import type { AtlasData, AuthorInfo, GroupInfo, TieInfo } from './data';
import type { AtlasLevel, AtlasOptions, AtlasTarget, Crumb } from './level';
import { atlasDefaults, targetToString } from './level';
import type { MapLink, MapNode } from './mapLevel';
import { backboneLinks, mapGraph, strongestLinks } from './mapLevel';
import { memberGraph } from './memberLevel';
import type { Subgroups } from './subgroups';
import { subgroups } from './subgroups';
import { thousands } from '../corpus/thousands';

export class AtlasError extends Error {}

const plural = (k: number, word: string) => `${thousands(k)} ${word}${k === 1 ? '' : 's'}`;

export interface Atlas {
  level(target: AtlasTarget, cap?: number): Promise<AtlasLevel>;
  /** A view of chosen authors and the ties among them (a roster and the collaborators its members share). */
  rosterLevel(keys: string[], cap?: number): Promise<AtlasLevel>;
  search: AtlasData['search'];
}

const be = (k: number) => (k === 1 ? 'is' : 'are');

/** What the map leaves out: the smaller groups not drawn, and the authors in no group. */
function mapNotes(groups: GroupInfo[], drawn: GroupInfo[], alone: number): string[] {
  const members = (gs: GroupInfo[]) => gs.reduce((s, g) => s + g.size, 0);
  const hidden = groups.length - drawn.length;
  const hiddenAuthors = plural(members(groups) - members(drawn), 'author');
  const parts = [
    hidden ? `${plural(hidden, 'smaller group')} (${hiddenAuthors}) ${be(hidden)} not drawn` : '',
    alone ? `${plural(alone, 'author')} without co-authors ${be(alone)} in no group` : '',
  ].filter(Boolean);
  return parts.length ? [`${parts.join('; ')}: search reaches every author.`] : [];
}

export function createAtlas(data: AtlasData, options: Partial<AtlasOptions> = {}): Atlas {
  const opts = { ...atlasDefaults, ...options };
  let groupsCache: Promise<GroupInfo[]> | undefined;
  const groups = () => (groupsCache ??= data.groups());
  const splits = new Map<number, Promise<{ members: AuthorInfo[]; ties: TieInfo[]; subs: Subgroups }>>();
  const split = (g: number) => {
    let s = splits.get(g);
    if (!s) {
      s = (async () => {
        const [members, ties] = await Promise.all([data.members(g), data.tiesWithin(g)]);
        return { members, ties, subs: subgroups(members, ties, opts) };
      })();
      splits.set(g, s);
    }
    return s;
  };
  const capOf = (cap?: number) => Math.max(1, Math.min(opts.maxTieCap, Math.floor(cap ?? opts.tieCap)));
  const mapCrumb: Crumb = { label: 'Group map', target: { kind: 'map' } };
  const groupCrumb = (g: GroupInfo): Crumb => ({ label: g.label, target: { kind: 'group', group: g.id } });

  async function groupOf(id: number): Promise<GroupInfo> {
    const all = await groups();
    const g = all[id];
    if (!g) throw new AtlasError(`no group ${id} (this graph has ${plural(all.length, 'group')})`);
    return g;
  }

  let mapCache: Promise<AtlasLevel> | undefined;
  const map = () => (mapCache ??= makeMap());
  async function makeMap(): Promise<AtlasLevel> {
    const all = await groups();
    const allLinks = await data.links();
    // An author without co-authors is a group of one with no link: not a research group (as `build` counts them).
    const linked = new Set(allLinks.flatMap((l) => [l.a, l.b]));
    const real = all.filter((g) => g.size > 1 || linked.has(g.id));
    const top = real.slice(0, opts.mapGroups);
    const key = (id: number) => `group:${id}`;
    const nodes: MapNode[] = top.map((g) => ({
      key: key(g.id), label: g.label, color: g.color, members: g.size, opens: key(g.id),
    }));
    const shown = new Set(top.map((g) => g.id));
    const links = allLinks.filter((l) => shown.has(l.a) && shown.has(l.b))
      .map((l): MapLink => ({
        a: key(Math.min(l.a, l.b)), b: key(Math.max(l.a, l.b)), weight: l.weight, ties: l.ties,
      }));
    const drawn = backboneLinks(links, opts.mapLinksPerGroup, opts.mapLinks);
    const authors = all.reduce((s, g) => s + g.size, 0);
    const title = `${plural(real.length, 'group')} of ${plural(authors, 'author')}`;
    return {
      target: { kind: 'map' }, title, trail: [mapCrumb],
      graph: mapGraph(nodes, drawn, opts.seed),
      ties: { shown: drawn.length, total: links.length, cap: drawn.length < links.length ? opts.mapLinks : 0 },
      nodes: { shown: top.length, total: real.length }, notes: mapNotes(real, top, all.length - real.length),
    };
  }

  async function subgroupMap(g: GroupInfo): Promise<AtlasLevel> {
    const { members, ties, subs } = await split(g.id);
    const key = (s: number) => `group:${g.id}.${s}`;
    const nodes: MapNode[] = subs.sizes.map((size, s) => ({
      key: key(s), label: subs.centers[s]?.label ?? `sub-group ${s}`, color: g.color, members: size, opens: key(s),
    }));
    const sums = new Map<string, MapLink>();
    for (const t of ties) {
      const x = subs.of.get(t.a)!; const y = subs.of.get(t.b)!;
      if (x === y) continue;
      const [a, b] = x < y ? [x, y] : [y, x];
      const id = `${a}|${b}`;
      const l = sums.get(id) ?? { a: key(a), b: key(b), weight: 0, ties: 0 };
      l.weight += t.weight; l.ties++;
      sums.set(id, l);
    }
    const shownNodes = nodes.slice(0, opts.mapGroups);
    const shown = new Set(shownNodes.map((x) => x.key));
    const links = [...sums.values()].filter((l) => shown.has(l.a) && shown.has(l.b));
    const drawn = backboneLinks(links, opts.mapLinksPerGroup, opts.mapLinks);
    const title = `${g.label}: ${plural(members.length, 'member')} in ${plural(subs.sizes.length, 'sub-group')}`;
    const why = `This group has more than ${thousands(opts.splitAbove)} members`;
    return {
      target: { kind: 'group', group: g.id }, title,
      trail: [mapCrumb, groupCrumb(g)], graph: mapGraph(shownNodes, drawn, opts.seed),
      ties: { shown: drawn.length, total: links.length, cap: drawn.length < links.length ? opts.mapLinks : 0 },
      nodes: { shown: shownNodes.length, total: nodes.length },
      notes: [`${why}: it opens on its sub-groups (Louvain inside the group).`],
    };
  }

  async function members(g: GroupInfo, sub: number | undefined, cap: number): Promise<AtlasLevel> {
    let authors: AuthorInfo[]; let ties: TieInfo[];
    const trail = [mapCrumb, groupCrumb(g)];
    let title = `${g.label}: ${plural(g.size, 'member')}`;
    if (sub !== undefined) {
      const s = await split(g.id);
      if (sub >= s.subs.sizes.length) {
        throw new AtlasError(`group ${g.id} has ${plural(s.subs.sizes.length, 'sub-group')}, not ${sub + 1}`);
      }
      authors = s.members.filter((m) => s.subs.of.get(m.key) === sub);
      ties = s.ties;
      const center = s.subs.centers[sub]?.label ?? `sub-group ${sub}`;
      trail.push({ label: center, target: { kind: 'group', group: g.id, sub } });
      title = `${center} (sub-group of ${g.label}): ${plural(authors.length, 'member')}`;
    } else {
      [authors, ties] = await Promise.all([data.members(g.id), data.tiesWithin(g.id)]);
      if (authors.length > opts.splitAbove) return subgroupMap(g);
    }
    const papers = await data.papers(authors.map((a) => a.key), opts.papers);
    const inView = new Set(authors.map((a) => a.key));
    const total = ties.filter((t) => inView.has(t.a) && inView.has(t.b)).length;
    const view = memberGraph(authors, ties, papers, await groups(), cap, opts.seed);
    return {
      target: sub === undefined ? { kind: 'group', group: g.id } : { kind: 'group', group: g.id, sub }, title, trail,
      graph: view.graph, ties: { shown: view.shownTies, total, cap: view.shownTies < total ? cap : 0 },
      nodes: { shown: authors.length, total: authors.length }, notes: papersNote(papers.length, opts.papers),
    };
  }

  function papersNote(count: number, limit: number): string[] {
    if (count < limit) return [];
    return [`Only the ${thousands(limit)} most recent papers of this view are listed in its panels.`];
  }

  async function ego(key: string, depth: 1 | 2, cap: number): Promise<AtlasLevel> {
    const [me] = await data.authors([key]);
    if (!me) throw new AtlasError(`no author ${JSON.stringify(key)} in this graph`);
    const own = await data.tiesOf([key]);
    const other = (t: TieInfo) => (t.a === key ? t.b : t.a);
    const ring1 = strongestLinks(own, opts.egoNodes).map(other);
    const outer = await data.tiesOf(ring1);
    let keys = [key, ...ring1];
    let totalNodes = own.length + 1;
    if (depth === 2) {
      const inner = new Set(keys);
      const pull = new Map<string, number>();
      for (const t of outer) for (const [x, y] of [[t.a, t.b], [t.b, t.a]] as const) {
        if (inner.has(x) && !inner.has(y)) pull.set(y, (pull.get(y) ?? 0) + t.weight);
      }
      totalNodes += pull.size;
      const room = Math.max(0, opts.egoNodes - keys.length);
      const ring2 = [...pull].sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1)).slice(0, room).map(([k]) => k);
      keys = [...keys, ...ring2];
    }
    const ties = dedupe([...own, ...outer]);
    const authors = await data.authors(keys);
    const papers = await data.papers([key, ...(depth === 2 ? ring1 : [])], opts.papers);
    const inView = new Set(keys);
    const total = ties.filter((t) => inView.has(t.a) && inView.has(t.b)).length;
    const view = memberGraph(authors, ties, papers, await groups(), cap, opts.seed);
    const g = await groupOf(me.group);
    const notes = papersNote(papers.length, opts.papers);
    if (keys.length < totalNodes) {
      notes.push(`Showing the ${thousands(keys.length)} most strongly tied of ${thousands(totalNodes)} authors.`);
    }
    return {
      target: { kind: 'ego', author: key, depth },
      title: `${me.label}: ${depth === 1 ? 'collaborators' : 'collaborators and theirs'}`,

      trail: [mapCrumb, groupCrumb(g), { label: me.label, target: { kind: 'ego', author: key, depth } }],
      graph: view.graph, ties: { shown: view.shownTies, total, cap: view.shownTies < total ? cap : 0 },
      nodes: { shown: keys.length, total: totalNodes }, notes,
    };
  }

  async function rosterLevel(keys: string[], cap: number): Promise<AtlasLevel> {
    const [authors, ties] = await Promise.all([data.authors(keys), data.tiesOf(keys)]);
    const papers = await data.papers(keys, opts.papers);
    const inView = new Set(authors.map((a) => a.key));
    const inside = dedupe(ties).filter((t) => inView.has(t.a) && inView.has(t.b));
    const view = memberGraph(authors, inside, papers, await groups(), cap, opts.seed);
    return {
      target: { kind: 'roster' }, title: `Roster: ${plural(authors.length, 'author')}`,
      trail: [mapCrumb, { label: 'Roster', target: { kind: 'roster' } }], graph: view.graph,
      ties: { shown: view.shownTies, total: inside.length, cap: view.shownTies < inside.length ? cap : 0 },
      nodes: { shown: authors.length, total: authors.length }, notes: papersNote(papers.length, opts.papers),
    };
  }

  return {
    rosterLevel: (keys, cap) => rosterLevel(keys, capOf(cap)),
    async level(target, cap) {
      if (target.kind === 'map') return map();
      if (target.kind === 'roster') throw new AtlasError('a roster view is made from its names: paste them again');
      if (target.kind === 'group') return members(await groupOf(target.group), target.sub, capOf(cap));
      return ego(target.author, target.depth, capOf(cap));
    },
    search: (q, limit) => data.search(q, limit),
  };
}

/** Each tie once (a tie of two ring members comes back from both). */
function dedupe(ties: TieInfo[]): TieInfo[] {
  const seen = new Set<string>();
  return ties.filter((t) => {
    const id = t.a < t.b ? `${t.a}\u0000${t.b}` : `${t.b}\u0000${t.a}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export { targetToString };
