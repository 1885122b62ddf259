// Structured formats (BibTeX, RIS, CSL-JSON, Atom, DBLP XML, CSV) register themselves here.
export {};
