// What the group map changes in the explorer: group nodes open their group, links between groups open nothing, an
// author's panel offers their ego network and group, and the sidebar counts groups or authors of the view.

import type { AtlasLevel, AtlasTarget } from '../atlas/level';
import { parseTarget } from '../atlas/level';
import { describeLevel, isGroupView } from './atlasView';
import { el } from './dom';
import type { Explorer, ExplorerHooks } from './explorer';

export interface AtlasContext {
  explorer: () => Explorer | undefined;
  level: () => AtlasLevel | undefined;
  open: (target: AtlasTarget, cap?: number) => void;
}

/** On the group map, a group node opens its group, and an author's panel offers their ego network. */
export function atlasHooks(ctx: AtlasContext): ExplorerHooks {
  const { open: openLevel } = ctx;
  const opens = (key: string) =>
    ctx.explorer()?.graph.getNodeAttribute(key, 'opens' as never) as unknown as string | undefined;
  const groupView = () => { const l = ctx.level(); return !!l && isGroupView(l); };
  return {
    describe: (nodes, edges) => { const l = ctx.level(); return l ? describeLevel(l, nodes, edges) : ''; },
    selectEdge: groupView,
    singlesNote: (n) => (groupView() ? `${n} one-author group${n === 1 ? '' : 's'}`
      : `${n} more group${n === 1 ? '' : 's'} with one author in this view`),
    openNode: (key) => {
      const t = opens(key);
      const target = t ? parseTarget(t) : undefined;
      if (target) openLevel(target);
      return !!target;
    },
    openGroup: (community) => {
      const comms = (ctx.explorer()?.graph.getAttribute('communities') ?? []) as { group?: number }[];
      const key = ctx.explorer()?.graph.findNode((_n, a) => a.community === community);
      const t = key ? opens(key) : undefined;
      const group = comms[community]?.group;
      // A map's node names its view; an author view's legend entry names the group it stands for.
      const target = t ? parseTarget(t) : group !== undefined ? { kind: 'group' as const, group } : undefined;
      if (target) openLevel(target);
      return !!target;
    },
    authorExtras: (key) => {
      const egoButton = (depth: 1 | 2, text: string) => {
        const b = el('button', { type: 'button', class: 'ego-open', 'data-depth': String(depth) }, text);
        b.addEventListener('click', () => openLevel({ kind: 'ego', author: key, depth }));
        return b;
      };
      const group = ctx.explorer()?.graph.getNodeAttribute(key, 'group' as never) as unknown as number | undefined;
      const groupButton = el('button', { type: 'button', class: 'group-open' }, 'Their whole group');
      groupButton.addEventListener('click', () => { if (group !== undefined) openLevel({ kind: 'group', group }); });
      return [el('p', { class: 'atlas-actions' },
        egoButton(1, 'Collaborators'), ' ', egoButton(2, 'Collaborators of collaborators'),
        ' ', ...(group !== undefined ? [groupButton] : []))];

    },
  };
}
