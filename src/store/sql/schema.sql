-- The store's tables: one row per paper, author, spelling, authorship, tie, tie-paper pair, group, and report item.
-- Ids are dense integers (paper, author, tie, community) so the tables join cheaply and export as compact Parquet.
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE sources (file VARCHAR, format VARCHAR, format_label VARCHAR, records INTEGER, with_authors INTEGER,
  truncated INTEGER, issues INTEGER);
CREATE TABLE papers (paper INTEGER, id VARCHAR, title VARCHAR, year INTEGER, arxiv_id VARCHAR, doi VARCHAR,
  venue VARCHAR, complete BOOLEAN, suspect BOOLEAN, authors INTEGER,
  sources VARCHAR); -- sources: JSON list of "file:line"; suspect: the list looked mis-paired (see suspect_lists)
CREATE TABLE authors (author INTEGER, id VARCHAR, label VARCHAR, given VARCHAR, family VARCHAR, papers INTEGER,
  community INTEGER, label_fold VARCHAR, label_key VARCHAR, -- look-up helpers (folded label, its key)
  ids VARCHAR); -- identifiers, space-separated
-- Suggestions for a name that matches no author: the folded labels of authors first .. first + n - 1, joined by
-- newlines, and their paper counts (32-bit little-endian), read in a few values instead of millions of rows.
CREATE TABLE name_index (first INTEGER, n INTEGER, folds VARCHAR, papers BLOB);
-- Every raw spelling of an author, with its identity key ("family|given") and folded form for look-ups.
CREATE TABLE spellings (author INTEGER, spelling VARCHAR, key VARCHAR, fold VARCHAR, is_label BOOLEAN);
-- The authors a key or folded spelling may belong to, by hash (src/store/nameLookup.ts), sorted: a look-up reads one
-- row group of it instead of scanning every spelling.
CREATE TABLE name_lookup (hash INTEGER, author INTEGER);
CREATE TABLE authorships (paper INTEGER, author INTEGER, position INTEGER);
CREATE TABLE ties (tie INTEGER, a INTEGER, b INTEGER, papers INTEGER, fractional DOUBLE, weight DOUBLE);
CREATE TABLE tie_papers (tie INTEGER, paper INTEGER);
CREATE TABLE communities (community INTEGER, size INTEGER, label VARCHAR, color VARCHAR, center INTEGER);
-- The data-quality report: lists kept as JSON text, so the report reads back exactly as it was built.
CREATE TABLE merges (item INTEGER, author_id VARCHAR, json VARCHAR);
CREATE TABLE paper_merges (item INTEGER, paper_id VARCHAR, json VARCHAR);
CREATE TABLE repairs (item INTEGER, file VARCHAR, line INTEGER, json VARCHAR);
CREATE TABLE suspect_lists (item INTEGER, file VARCHAR, line INTEGER, json VARCHAR);
CREATE TABLE identifier_splits (item INTEGER, json VARCHAR);
CREATE TABLE near_misses (item INTEGER, json VARCHAR);
CREATE TABLE skipped_papers (item INTEGER, paper_id VARCHAR, json VARCHAR);
CREATE TABLE issues (item INTEGER, file VARCHAR, line INTEGER, severity VARCHAR, code VARCHAR, message VARCHAR);
