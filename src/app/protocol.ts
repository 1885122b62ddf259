// Messages between the explorer and its pipeline worker.

import type { SerializedGraph } from 'graphology-types';
import type { AtlasLevel, AtlasTarget } from '../atlas/level';
import type { AuthorHit } from '../atlas/data';
import type { Report } from '../corpus/report';
import type { RosterMatches } from '../corpus/roster';
import type { RosterNetwork } from '../graph/rosterNetwork';
import type { Issue, Weighting } from '../types';

export interface LoadRequest {
  type: 'load';
  id: number;
  files: { name: string; bytes: Uint8Array }[];
  weighting: Weighting;
  resolution: number;
  seed: number;
  /** Only the papers of these years make the graph. */
  years?: [number, number];
}

/** Rebuild the loaded corpus's graph for a year range (none: every year). */
export interface YearsRequest {
  type: 'years';
  id: number;
  weighting: Weighting;
  resolution: number;
  seed: number;
  years?: [number, number];
}

/** Match a roster (one name per line) to the loaded corpus and describe its network. */
export interface RosterRequest { type: 'roster'; id: number; name: string; text: string }

export interface RecomputeRequest {
  type: 'recompute';
  id: number;
  weighting: Weighting;
  resolution: number;
  seed: number;
}

/** A saved graph the page opened itself: the worker keeps its own copy for later recomputation. */
export interface AdoptRequest {
  type: 'adopt';
  id: number;
  name: string;
  bytes: Uint8Array;
  /** Too big to read whole: the worker answers with the graph's group map (a LoadedMessage with a level). */
  map?: boolean;
}

/** A view of the group map (big graphs only); answered by a LevelMessage with the same id. */
export interface LevelRequest { type: 'level'; id: number; target: AtlasTarget; cap?: number }
/** Author suggestions across the whole graph (big graphs only); answered by a HitsMessage. */
export interface SearchRequest { type: 'search'; id: number; query: string; limit: number }

export type WorkerRequest =
  LoadRequest | RecomputeRequest | AdoptRequest | YearsRequest | RosterRequest | LevelRequest | SearchRequest;


export interface ProgressMessage { type: 'progress'; id: number; stage: string; done: number; total: number }

export interface LoadedMessage {
  type: 'loaded';
  id: number;
  graph: SerializedGraph;
  report: Report;
  /** Plain-text report, the same the CLI prints. */
  reportText: string;
  /** Earliest and latest year of the whole corpus (the year slider's ends), absent when no paper has a year. */
  yearSpan?: [number, number];
  /** A graph too big to read whole opens on its group map: `graph` is then this view's graph. */
  level?: AtlasLevel;
}

export interface LevelMessage { type: 'level'; id: number; level: AtlasLevel }
export interface HitsMessage { type: 'hits'; id: number; hits: AuthorHit[] }

export interface RosterMessage {
  type: 'roster';
  id: number;
  matches: RosterMatches;
  network: RosterNetwork;
  /** Node keys of the members, and of the outside collaborators they share. */
  members: string[];
  shared: string[];
  /** Lines of the roster that are not names. */
  skipped: Issue[];
  /** On a group map: the view of the members and shared collaborators, shown before the roster. */
  level?: AtlasLevel;
}

export interface RecomputedMessage {
  type: 'recomputed';
  id: number;
  /** Per edge, in the graph's edge order. */
  weights: Float64Array;
  /** Per node, in the graph's node order. */
  communities: Int32Array;
  /** Per node: share of co-authors in another group (it changes with the groups). */
  outside: Float64Array;
  colors: string[];
  communityInfo: { id: number; size: number; label: string }[];
  modularity: number;
}

export interface FailedMessage { type: 'failed'; id: number; message: string; report?: Report }

export type WorkerMessage =
  ProgressMessage | LoadedMessage | RecomputedMessage | RosterMessage | FailedMessage | LevelMessage | HitsMessage;
