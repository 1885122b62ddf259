// Toolbar actions on the graph shown: ForceAtlas2 layout, graph and PNG exports, and the data report dialog.

import FA2LayoutSupervisor from 'graphology-layout-forceatlas2/worker';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import { downloadAsPNG } from '@sigma/export-image';
import { exportGraph } from '../export';
import type { ExportFormat } from '../export';
import { byId, download } from './dom';
import type { Explorer } from './explorer';
import type { ViewState } from './viewState';
import { visibleSubgraph } from './visibility';

export interface ToolbarContext {
  explorer: () => Explorer | undefined;
  state: ViewState;
  /** The data report of the graph shown, as text (what "Download report" saves). */
  reportText: () => string;
}

const LAYOUT_LABEL = 'Run layout (ForceAtlas2)';

/** Wires the toolbar's buttons; the returned `stopLayout` ends a running layout (a new graph is about to show). */
export function wireToolbar(ctx: ToolbarContext): { stopLayout: () => void } {
  let layout: FA2LayoutSupervisor | undefined;
  const toggle = byId('layout-toggle');
  const stopLayout = () => {
    layout?.kill();
    layout = undefined;
    toggle.textContent = LAYOUT_LABEL;
  };

  toggle.addEventListener('click', () => {
    const explorer = ctx.explorer();
    if (!explorer) return;
    if (layout) { stopLayout(); return; }
    const settings = { ...forceAtlas2.inferSettings(explorer.graph), edgeWeightInfluence: 1 };
    layout = new FA2LayoutSupervisor(explorer.graph, { settings, getEdgeWeight: 'weight' });
    layout.start();
    toggle.textContent = 'Stop layout';
  });

  for (const format of ['gexf', 'graphml', 'json', 'csv'] as ExportFormat[]) {
    byId(`export-${format}`).addEventListener('click', () => {
      const explorer = ctx.explorer();
      if (!explorer) return;
      // What is on screen is what is saved: filters, hidden groups and the year range apply.
      for (const f of exportGraph(visibleSubgraph(explorer.graph, ctx.state), format)) {
        download(`coauthor-graph${f.suffix}`, f.content, f.mime);
      }
    });
  }
  byId('export-png').addEventListener('click', () => {
    const explorer = ctx.explorer();
    if (!explorer) return;
    const renderer = explorer.sigma as unknown as Parameters<typeof downloadAsPNG>[0];
    void downloadAsPNG(renderer, { fileName: 'coauthor-graph', backgroundColor: '#ffffff' });
  });

  const dialog = byId<HTMLDialogElement>('report-dialog');
  byId('show-report').addEventListener('click', () => dialog.showModal());
  byId('download-report').addEventListener('click', () => {
    download('coauthor-graph-report.txt', ctx.reportText(), 'text/plain');
  });
  return { stopLayout };
}
