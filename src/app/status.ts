// The status line above the graph: a notice (information or error) and the progress bar of the stage running.

import { byId } from './dom';

export function notice(text: string, kind: 'info' | 'error' = 'info'): void {
  const n = byId('notice');
  n.textContent = text;
  n.className = `notice ${kind}`;
  n.hidden = !text;
}

export function progress(stage: string | undefined, done = 0, total = 1): void {
  const p = byId('progress');
  p.hidden = !stage;
  if (!stage) return;
  const share = total > 1 ? (done + 1) / total : 0.5;
  (p.querySelector('.bar') as HTMLElement).style.width = `${Math.round(share * 100)}%`;
  (p.querySelector('.label') as HTMLElement).textContent = `${stage}${total > 1 ? ` ${done + 1} of ${total}` : ''}…`;
}
