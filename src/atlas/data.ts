// What the group map needs to know about a graph, answered from memory (graphology) or from a store (DuckDB).

import type { GraphPaper } from '../graph/buildGraph';

export interface GroupInfo { id: number; size: number; label: string; color: string }
/** Ties between two groups, summed. */
export interface GroupLink { a: number; b: number; weight: number; ties: number }
export interface AuthorInfo {
  key: string; label: string; papers: number; group: number; aliases: string[]; ids?: string[]; suspect?: boolean;
}
export interface TieInfo { a: string; b: string; weight: number; papers: number }
/** From this many letters, a search that matches no name is answered with the closest names (`near`). */
export const NEAR_FROM = 4;

/** A search's answer; `near` when no name holds the query and this is one of the closest names (edit distance). */
export interface AuthorHit { key: string; label: string; papers: number; matched: string; group?: number; near?: true }

export interface AtlasData {
  /** Every group, by id (ids are 0..n-1, largest first). */
  groups(): Promise<GroupInfo[]>;
  /** Links between groups (any order). */
  links(): Promise<GroupLink[]>;
  members(group: number): Promise<AuthorInfo[]>;
  /** Ties whose two authors are both in the group. */
  tiesWithin(group: number): Promise<TieInfo[]>;
  /** Every tie of these authors. */
  tiesOf(keys: string[]): Promise<TieInfo[]>;
  /** These authors (unknown keys are left out). */
  authors(keys: string[]): Promise<AuthorInfo[]>;
  /** Papers with any of these authors, at most `limit` (most recent first). */
  papers(keys: string[], limit: number): Promise<GraphPaper[]>;
  /** Authors whose name or any spelling starts with the query's words (accent- and case-insensitive). */
  search(query: string, limit: number): Promise<AuthorHit[]>;
}
