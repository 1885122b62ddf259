// Registers the structured formats (BibTeX, RIS, CSL-JSON, arXiv Atom, DBLP XML, CSV/TSV) with the format registry.

import { parseBibtex, sniffBibtex } from './bibtex';
import { parseCslJson, sniffCslJson } from './cslJson';
import { parseCsvTable, sniffCsv } from './csvTable';
import { registerFormat } from './registry';
import { parseRis, sniffRis } from './ris';
import { parseAtom, parseDblpXml, sniffAtom, sniffDblpXml } from './xmlRecords';

registerFormat({ id: 'csv', label: 'CSV/TSV table', sniff: sniffCsv, parse: parseCsvTable });
registerFormat({ id: 'csl-json', label: 'CSL-JSON', sniff: sniffCslJson, parse: parseCslJson });
registerFormat({ id: 'dblp-xml', label: 'DBLP XML', sniff: sniffDblpXml, parse: parseDblpXml });
registerFormat({ id: 'arxiv-atom', label: 'arXiv API (Atom)', sniff: sniffAtom, parse: parseAtom });
registerFormat({ id: 'ris', label: 'RIS', sniff: sniffRis, parse: parseRis });
registerFormat({ id: 'bibtex', label: 'BibTeX/BibLaTeX', sniff: sniffBibtex, parse: parseBibtex });
