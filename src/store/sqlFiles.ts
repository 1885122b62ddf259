// The store's plain SQL files (src/store/sql/*.sql), read from the package: the same files users run on a cluster.

import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** src/store/sql, found from this module whether it runs from the sources or from the dist/ bundle. */
const SQL_DIR = ((): string => {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 5; i++) {
    for (const candidate of [join(dir, 'sql'), join(dir, 'src', 'store', 'sql')]) {
      if (existsSync(join(candidate, 'schema.sql'))) return candidate;
    }

    dir = dirname(dir);
  }
  throw new Error('the store SQL files (src/store/sql) are missing from this installation');
})();

export type SqlName = 'schema' | 'ties' | 'group_ties' | 'group_summary';

export function readSql(name: SqlName): string {
  return readFileSync(join(SQL_DIR, `${name}.sql`), 'utf8');
}

export function sqlPath(name: SqlName): string {
  return join(SQL_DIR, `${name}.sql`);
}
