// Getting data into the explorer: the embedded seeds, the file picker and drag-and-drop, via the pipeline worker.

import type { AuthorHit } from '../atlas/data';
import type { AtlasLevel, AtlasTarget } from '../atlas/level';
import type { LoadedMessage, RecomputedMessage, RosterMessage, WorkerMessage, WorkerRequest } from './protocol';
import type { Weighting } from '../types';

export interface LoadSettings { weighting: Weighting; resolution: number; seed: number; years?: [number, number] }
export interface LoaderEvents {
  progress: (stage: string, done: number, total: number) => void;
  loaded: (msg: LoadedMessage) => void;
  recomputed: (msg: RecomputedMessage) => void;
  roster: (msg: RosterMessage) => void;
  /** A new group map after the groups were recomputed. */
  level: (level: AtlasLevel) => void;
  failed: (message: string, details?: LoadedMessage['report']) => void;
}

/** The five seed pages, bundled as text so the explorer opens on them with no set-up. */
export function seedFiles(): { name: string; bytes: Uint8Array }[] {
  const texts = import.meta.glob('../../seeds/*', { query: '?raw', import: 'default', eager: true });
  const enc = new TextEncoder();
  return Object.keys(texts).sort().map((path) => ({
    name: `seeds/${path.split('/').pop()}`, bytes: enc.encode(texts[path] as string),
  }));
}

export function createLoader(events: LoaderEvents) {
  const worker = new Worker(new URL('./pipelineWorker.ts', import.meta.url), { type: 'module' });
  let nextId = 1;
  let latest = 0;
  /** Group-map questions wait for their own answer; a newer one does not cancel them. */
  const waiting = new Map<number, { resolve: (m: WorkerMessage) => void; reject: (e: Error) => void }>();
  worker.onmessage = (e: MessageEvent<WorkerMessage>) => {
    const msg = e.data;
    const w = waiting.get(msg.id);
    if (w && msg.type !== 'progress') {
      waiting.delete(msg.id);
      if (msg.type === 'failed') w.reject(new Error(msg.message)); else w.resolve(msg);
      return;
    }
    if (msg.type === 'level' && msg.id === latest) { events.level(msg.level); return; }
    // An older request that finished after a newer one.
    if (msg.id !== latest || msg.type === 'hits' || msg.type === 'level') return;
    if (msg.type === 'progress') events.progress(msg.stage, msg.done, msg.total);
    else if (msg.type === 'loaded') events.loaded(msg);
    else if (msg.type === 'recomputed') events.recomputed(msg);
    else if (msg.type === 'roster') events.roster(msg);
    else events.failed(msg.message, msg.report);
  };
  worker.onerror = (e) => events.failed(`the pipeline worker failed: ${e.message}`);
  const send = (req: WorkerRequest, transfer: Transferable[] = []) => {
    latest = req.id;
    worker.postMessage(req, transfer);
  };
  // A saved graph opened by the page reaches the worker after the first frame, so parsing it twice does not slow the
  // first frame down.
  let pendingAdopt: { name: string; bytes: Uint8Array } | undefined;
  const flushAdopt = () => {
    if (!pendingAdopt) return;
    send({ type: 'adopt', id: nextId++, name: pendingAdopt.name, bytes: pendingAdopt.bytes });
    pendingAdopt = undefined;
  };
  const ask = <T extends WorkerMessage>(req: WorkerRequest): Promise<T> => new Promise((resolve, reject) => {
    waiting.set(req.id, { resolve: resolve as (m: WorkerMessage) => void, reject });
    worker.postMessage(req);
  });
  return {
    /** A view of the group map of the loaded graph. */
    async level(target: AtlasTarget, cap?: number): Promise<AtlasLevel> {
      const req: WorkerRequest = { type: 'level', id: nextId++, target, ...(cap ? { cap } : {}) };
      return (await ask<{ type: 'level'; id: number; level: AtlasLevel }>(req)).level;
    },
    async search(query: string, limit: number): Promise<AuthorHit[]> {
      const req: WorkerRequest = { type: 'search', id: nextId++, query, limit };
      return (await ask<{ type: 'hits'; id: number; hits: AuthorHit[] }>(req)).hits;

    },
    load(files: { name: string; bytes: Uint8Array }[], s: LoadSettings) {
      pendingAdopt = undefined;
      send({ type: 'load', id: nextId++, files, ...s }, files.map((f) => f.bytes.buffer as ArrayBuffer));
    },
    recompute(s: LoadSettings) { flushAdopt(); send({ type: 'recompute', id: nextId++, ...s }); },
    /** The loaded corpus again, cut to a year range (or whole). */
    years(s: LoadSettings) { send({ type: 'years', id: nextId++, ...s }); },
    roster(name: string, text: string) { send({ type: 'roster', id: nextId++, name, text }); },
    /** A saved graph too big to read whole: the worker opens it and answers with its group map. */
    adoptMap(file: { name: string; bytes: Uint8Array }) {
      pendingAdopt = undefined;
      const transfer = [file.bytes.buffer as ArrayBuffer];
      send({ type: 'adopt', id: nextId++, name: file.name, bytes: file.bytes, map: true }, transfer);
    },
    /**
     * The page opened a saved graph itself; the worker gets a copy of the bytes (cloned, not transferred) for
     * recomputation, once the page has drawn.
     */
    adopt(file: { name: string; bytes: Uint8Array }) {
      pendingAdopt = file;
      requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(flushAdopt, 0)));
    },
  };
}

export async function readFiles(list: FileList | File[]): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all([...list].map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
}

/** File picker and drag-and-drop onto the page. */
export function wireFileInputs(input: HTMLInputElement, overlay: HTMLElement, onFiles: (files: File[]) => void): void {
  input.addEventListener('change', () => { if (input.files?.length) onFiles([...input.files]); input.value = ''; });
  let depth = 0;
  window.addEventListener('dragenter', (e) => {
    if (!e.dataTransfer?.types.includes('Files')) return;
    depth++; overlay.hidden = false; e.preventDefault();
  });

  window.addEventListener('dragleave', () => { depth = Math.max(0, depth - 1); if (!depth) overlay.hidden = true; });
  window.addEventListener('dragover', (e) => e.preventDefault());
  window.addEventListener('drop', (e) => {
    e.preventDefault(); depth = 0; overlay.hidden = true;
    const files = e.dataTransfer?.files;
    if (files?.length) onFiles([...files]);
  });
}
