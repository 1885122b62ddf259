// Registers the structured formats (BibTeX, RIS, CSL-JSON, arXiv Atom, DBLP XML, CSV/TSV, Web of Science, MEDLINE,
// OpenAlex, Crossref) with the format registry.

import { parseBibtex, sniffBibtex } from './bibtex';
import { parseCslJson, sniffCslJson } from './cslJson';
import { parseCsvTable, sniffCsv } from './csvTable';
import { registerFormat } from './registry';
import { parseCrossref, sniffCrossref } from './crossref';
import { parseMedline, sniffMedline } from './medline';
import { parseOpenAlex, sniffOpenAlex } from './openalex';
import { parseRis, sniffRis } from './ris';
import { parseWos, sniffWos } from './wos';
import { parseAtom, parseDblpXml, sniffAtom, sniffDblpXml } from './xmlRecords';

registerFormat({ id: 'csv', label: 'CSV/TSV table', sniff: sniffCsv, parse: parseCsvTable });
registerFormat({ id: 'csl-json', label: 'CSL-JSON', sniff: sniffCslJson, parse: parseCslJson });
registerFormat({ id: 'dblp-xml', label: 'DBLP XML', sniff: sniffDblpXml, parse: parseDblpXml });
registerFormat({ id: 'arxiv-atom', label: 'arXiv API (Atom)', sniff: sniffAtom, parse: parseAtom });
registerFormat({ id: 'ris', label: 'RIS', sniff: sniffRis, parse: parseRis });
registerFormat({ id: 'bibtex', label: 'BibTeX/BibLaTeX', sniff: sniffBibtex, parse: parseBibtex });
registerFormat({ id: 'crossref', label: 'Crossref works (JSON)', sniff: sniffCrossref, parse: parseCrossref });
registerFormat({
  id: 'openalex', label: 'OpenAlex works (JSON, JSON Lines)', sniff: sniffOpenAlex, parse: parseOpenAlex,
});

registerFormat({ id: 'medline', label: 'PubMed/MEDLINE', sniff: sniffMedline, parse: parseMedline });
registerFormat({ id: 'wos', label: 'Web of Science (plain text or tab-delimited)', sniff: sniffWos, parse: parseWos });
