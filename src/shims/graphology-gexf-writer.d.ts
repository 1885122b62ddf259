// Type shim for graphology-gexf's DOM-free writer module (its package only types the parser+writer entry).
declare module 'graphology-gexf/browser/writer.js' {
  import type { write } from 'graphology-gexf/browser';
  const writeGexf: typeof write;
  export default writeGexf;
}
