// The served store's read-only JSON API: every parameter checked, every answer bounded, errors as 4xx messages.

import type { Atlas } from '../atlas/atlas';
import { AtlasError } from '../atlas/atlas';
import type { AtlasLevel } from '../atlas/level';
import { atlasDefaults, parseTarget, targetToString } from '../atlas/level';
import { formatReport } from '../corpus/formatReport';
import type { Report } from '../corpus/report';

export interface ApiAnswer { status: number; body: unknown }
export interface ApiContext { atlas: Atlas; report: Report; info: Record<string, unknown> }

export class BadRequest extends Error {
  constructor(message: string, readonly status = 400) { super(message); }
}

/** Search text is a name: letters, digits, spaces and . , ' ’ - only (this also keeps markup and SQL out). */
const NAME_TEXT = /^[\p{L}\p{M}\p{N} .,'’\-‐]+$/u;
const MAX_QUERY = 100;

const ROUTES: Record<string, string[]> = {
  '/api/info': [], '/api/report': [], '/api/view': ['target', 'ties'], '/api/search': ['q', 'limit'],
};

function int(params: URLSearchParams, name: string, fallback: number, min: number, max: number): number {
  const text = params.get(name);
  if (text === null) return fallback;
  if (!/^\d{1,9}$/.test(text) || Number(text) < min || Number(text) > max) {
    throw new BadRequest(`${name} must be a whole number from ${min} to ${max}`);
  }
  return Number(text);
}

/** Views asked for again (back, breadcrumbs) come from here. */
class ViewCache {
  private views = new Map<string, Promise<AtlasLevel>>();
  get(key: string, make: () => Promise<AtlasLevel>): Promise<AtlasLevel> {
    let v = this.views.get(key);
    if (v) { this.views.delete(key); this.views.set(key, v); return v; }
    v = make();
    v.catch(() => this.views.delete(key));
    this.views.set(key, v);
    if (this.views.size > 64) this.views.delete(this.views.keys().next().value!);
    return v;
  }
}

export function createApi(ctx: ApiContext): (url: URL) => Promise<ApiAnswer> {
  const cache = new ViewCache();
  const reportText = formatReport(ctx.report);
  return async (url) => {
    try {
      const allowed = ROUTES[url.pathname];
      if (!allowed) {
        const paths = Object.keys(ROUTES).join(', ');
        throw new BadRequest(`no such API path: ${url.pathname.slice(0, 80)} (try ${paths})`, 404);
      }
      for (const name of url.searchParams.keys()) {
        if (!allowed.includes(name)) {
          throw new BadRequest(`unknown parameter "${name.slice(0, 40)}" for ${url.pathname}`);
        }
      }
      const p = url.searchParams;
      if (url.pathname === '/api/info') return { status: 200, body: ctx.info };
      if (url.pathname === '/api/report') return { status: 200, body: { report: ctx.report, text: reportText } };
      if (url.pathname === '/api/view') {
        const target = parseTarget(p.get('target') ?? 'map');
        if (!target) {
          throw new BadRequest('target must be map, group:N, group:N.M or ego:DEPTH:AUTHOR with DEPTH 1 or 2');
        }

        const ties = int(p, 'ties', atlasDefaults.tieCap, 1, atlasDefaults.maxTieCap);
        const key = `${targetToString(target)}|${ties}`;
        return { status: 200, body: await cache.get(key, () => ctx.atlas.level(target, ties)) };
      }
      const q = p.get('q') ?? '';
      if (!q.trim()) throw new BadRequest('q (the start of a name) is required');
      if (q.length > MAX_QUERY) throw new BadRequest(`q is longer than ${MAX_QUERY} characters`);
      if (!NAME_TEXT.test(q)) throw new BadRequest("q may hold letters, digits, spaces and . , ' - only");
      const limit = int(p, 'limit', 8, 1, 50);
      return { status: 200, body: { hits: await ctx.atlas.search(q, limit) } };
    } catch (e) {
      if (e instanceof BadRequest) return { status: e.status, body: { error: e.message } };
      if (e instanceof AtlasError) return { status: 404, body: { error: e.message } };
      // Database or program errors stay in the server's log: the page gets no internals.
      process.stderr.write(`coauthor-graph serve: ${url.pathname}: ${(e as Error).message}\n`);
      return { status: 500, body: { error: 'the server could not answer this request (see its log)' } };
    }
  };
}
