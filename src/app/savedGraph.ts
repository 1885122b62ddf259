// A saved graph JSON opened in the page directly: one graph build instead of worker build, copy and rebuild.

import { formatReport } from '../corpus/formatReport';
import type { Report } from '../corpus/report';
import type { CoauthorGraph } from '../graph/buildGraph';
import { ATLAS_MIN_AUTHORS } from '../atlas/level';
import { looksLikeGraphJson, openGraphJson } from './openGraphJson';
import { notice, progress } from './status';

type ReadFile = { name: string; bytes: Uint8Array };

export interface SavedGraphContext {
  /** The pipeline worker takes the file too: as a group map (a big graph) or for later recomputes. */
  adoptMap: (file: ReadFile) => void;
  adopt: (file: ReadFile) => void;
  show: (graph: CoauthorGraph, report: Report, text: string, hint: string) => void;
  opened: () => void;
}

const UNLAID = 'This graph was saved without a layout: its groups are placed apart; '
  + 'press “Run layout” to arrange it. ';

/** True when `read` was one saved graph and is handled here (shown, handed over as a map, or reported unreadable). */
export async function openSavedGraph(read: ReadFile[], ctx: SavedGraphContext): Promise<boolean> {
  const file = read[0];
  if (read.length !== 1 || !file || !looksLikeGraphJson(file.bytes)) return false;
  progress('opening graph');
  await new Promise((r) => setTimeout(r, 0)); // let the progress bar paint before the main thread is busy
  try {
    const opened = openGraphJson(file.name, file.bytes);
    if (!opened) return false;
    if (opened.graph.order > ATLAS_MIN_AUTHORS) {
      progress('group map');
      ctx.adoptMap(file);
      return true;
    }
    ctx.opened();
    ctx.adopt(file);
    ctx.show(opened.graph, opened.report, formatReport(opened.report), opened.laidOut ? '' : UNLAID);
  } catch (e) {
    progress(undefined);
    const why = `${file.name} is not a readable graph JSON (${(e as Error).message})`;
    notice(`Could not load: ${why}. The previous graph is still shown.`, 'error');
  }
  return true;
}
