// Facts derived once per graph for the explorer's questions: a compact tie index for chains and bridges, each
// author's mean publication year, papers per year of each group, and betweenness ranks. Computed on first use.

import type { CoauthorGraph, GraphPaper } from '../graph/buildGraph';
import { graphIndex } from '../graph/graphIndex';
import type { TieIndex } from '../graph/paths';

export class GraphFacts {
  private tieIndex?: TieIndex;
  private keyList?: string[];
  private positions?: Map<string, number>;
  private years?: Map<string, number>;
  private ranks?: Map<string, number>;

  constructor(readonly graph: CoauthorGraph, readonly papers: GraphPaper[]) {}

  get index(): TieIndex { return (this.tieIndex ??= graphIndex(this.graph)); }
  get keys(): string[] { return (this.keyList ??= this.graph.nodes()); }
  position(key: string): number {
    this.positions ??= new Map(this.keys.map((k, i) => [k, i]));
    return this.positions.get(key) ?? -1;
  }

  /** Mean year of each author's dated papers (authors with none are absent). */
  meanYears(): Map<string, number> {
    if (this.years) return this.years;
    const sum = new Map<string, [number, number]>();
    for (const p of this.papers) {
      if (p.year === undefined) continue;
      for (const a of p.authors) { const s = sum.get(a) ?? [0, 0]; s[0] += p.year; s[1]++; sum.set(a, s); }
    }
    this.years = new Map([...sum].map(([a, [total, n]]) => [a, total / n]));
    return this.years;
  }

  /** Earliest and latest paper year, undefined when no paper has one. */
  yearSpan(): [number, number] | undefined {
    let lo = Infinity; let hi = -Infinity;
    for (const p of this.papers) if (p.year !== undefined) { lo = Math.min(lo, p.year); hi = Math.max(hi, p.year); }
    return lo <= hi ? [lo, hi] : undefined;
  }

  /** Papers per year of a group (papers with one of its members), and how many have no year. */
  groupYears(group: number): { perYear: Map<number, number>; undated: number } {
    const perYear = new Map<number, number>();
    let undated = 0;
    const inGroup = (a: string) => this.graph.hasNode(a) && this.graph.getNodeAttribute(a, 'community') === group;
    for (const p of this.papers) {
      if (!p.authors.some(inGroup)) continue;
      if (p.year === undefined) undated++; else perYear.set(p.year, (perYear.get(p.year) ?? 0) + 1);
    }
    return { perYear, undated };
  }

  /** 1-based rank of each author by betweenness (ties share the better rank). */
  betweennessRank(key: string): number {
    if (!this.ranks) {
      const all = this.graph.mapNodes((n, a) => [n, a.betweenness ?? 0] as const).sort((x, y) => y[1] - x[1]);
      const ranks = new Map<string, number>();
      all.forEach(([n, b], i) => ranks.set(n, i > 0 && b === all[i - 1]![1] ? ranks.get(all[i - 1]![0])! : i + 1));
      this.ranks = ranks;

    }
    return this.ranks.get(key) ?? 0;
  }
}
