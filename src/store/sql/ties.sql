-- Tie aggregation: every pair of co-authors of a paper with at most maxAuthors authors (from the meta table), with
-- the number of shared papers and Newman's fractional weight (each paper adds 1/(n-1)). Plain SQL: runs unchanged
-- on DuckDB, Spark SQL and Trino over the store's tables or their Parquet files (papers, authorships, meta).
WITH sized AS (
  SELECT paper, authors AS n FROM papers
  WHERE authors >= 2 AND authors <= (SELECT CAST(value AS INTEGER) FROM meta WHERE key = 'maxAuthors')
)
SELECT x.author AS a, y.author AS b, COUNT(*) AS papers, SUM(1.0 / (s.n - 1)) AS fractional
FROM authorships x
JOIN authorships y ON x.paper = y.paper AND x.author < y.author
JOIN sized s ON s.paper = x.paper
GROUP BY x.author, y.author
