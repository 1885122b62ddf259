// Look-up tables that come one by one while the server already answers: a query waits for the table it reads, and
// never runs beside a statement that makes or moves tables on the same connection (DuckDB ends a streaming result
// when the connection runs another statement).

interface Deferred { promise: Promise<void>; resolve: () => void; reject: (e: Error) => void }

function deferred(): Deferred {
  let resolve!: () => void; let reject!: (e: Error) => void;
  const promise = new Promise<void>((yes, no) => { resolve = yes; reject = no; });
  promise.catch(() => undefined); // a table nobody asked for may fail unheard: its readers hear it when they ask
  return { promise, resolve, reject };
}

export class LookupGate {
  private readonly ready = new Map<string, Deferred>();
  private readers = 0;
  private idle: Deferred | undefined;
  private held: Deferred | undefined;

  constructor(private readonly names: readonly string[]) { this.reset(); }

  /** Every table not readable (yet, or again): readers wait until `opened`. */
  reset(): void { for (const n of this.names) this.ready.set(n, deferred()); }

  /** Table `name` can be read. */
  opened(name: string): void { this.tableOf(name).resolve(); }

  /** No table will come: readers still waiting, and later ones, hear `error`. */
  failed(error: Error): void {
    for (const n of this.names) {
      this.tableOf(n).reject(error);
      const d = deferred(); d.reject(error); this.ready.set(n, d);
    }
  }

  /** Runs `query` once table `name` (if any) is readable and no table is being made or moved. */
  async read<T>(name: string | undefined, query: () => Promise<T>): Promise<T> {
    for (;;) {
      if (name !== undefined) await this.tableOf(name).promise;
      if (!this.held) break;
      await this.held.promise; // tables were made or moved meanwhile: look again
    }
    this.readers++;
    try {
      return await query();
    } finally {
      if (--this.readers === 0) this.idle?.resolve();
    }
  }

  /** Runs `move` (making or moving tables) when no query runs; queries that come meanwhile wait for it to end. */
  async exclusive(move: () => Promise<void>): Promise<void> {
    const held = deferred(); this.held = held;
    try {
      while (this.readers > 0) { this.idle = deferred(); await this.idle.promise; }
      await move();
    } finally {
      this.held = undefined; held.resolve();
    }
  }

  private tableOf(name: string): Deferred {
    const d = this.ready.get(name);
    if (!d) throw new Error(`no look-up table "${name}"`);
    return d;
  }
}
