// Command-line stand-in for @retorquere/bibtex-parser, loaded on first use: starting it costs about 0.2 s on every
// run, and most files never need it (only LaTeX the fast scanner cannot decode does).
import { createRequire } from 'node:module';

type Library = typeof import('@retorquere/bibtex-parser');
let library: Library | undefined;

export const parse: Library['parse'] = (...args) => {
  library ??= createRequire(import.meta.url)('@retorquere/bibtex-parser') as Library;
  return library.parse(...args);
};
