// Writes a graph export to a file (or stdout) in the format asked for or told by the file's extension.

import type { ExportFormat } from '../export';
import { exportFiles, formatFromPath } from '../export';
import type { CoauthorGraph } from '../graph/buildGraph';
import type { CliArgs } from './args';
import { FatalError, reason } from './errors';
import { UsageError } from './args';
import { writeAtomic } from './writeOutput';

export function writeGraph(args: CliArgs, graph: CoauthorGraph): void {
  const format = (args.format as ExportFormat | undefined) ?? (args.out === '-' ? 'json' : formatFromPath(args.out!));
  if (!format) throw new UsageError(`cannot tell the format from "${args.out}"; add --format gexf|graphml|json|csv`);
  const outputs = exportFiles(graph, format);
  if (args.out === '-') {
    for (const o of outputs) for (const chunk of o.chunks()) process.stdout.write(chunk);
    return;
  }
  const base = args.out!.replace(/\.(gexf|graphml|json|csv)$/i, '');
  for (const o of outputs) {
    const path = o.suffix === `.${format}` && formatFromPath(args.out!) === format ? args.out! : base + o.suffix;
    try {
      writeAtomic(path, o.chunks());
    } catch (e) { throw new FatalError(`${path}: cannot write output (${reason(e)})`); }

    process.stderr.write(`wrote ${path}\n`);
  }
}
