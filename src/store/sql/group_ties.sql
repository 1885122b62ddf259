-- Ties between research groups: the ties whose two authors are in different groups, aggregated per pair of groups
-- (the edges of the group map). Plain SQL over the store's tables or their Parquet files.
-- Weights are summed as decimals: a parallel sum of doubles depends on the order its threads meet the rows, and the
-- group map's layout on the last digits; the exact decimal sum is the same on every run and every engine.
SELECT LEAST(ca.community, cb.community) AS group_a, GREATEST(ca.community, cb.community) AS group_b,
  COUNT(*) AS ties, SUM(t.papers) AS papers, CAST(SUM(CAST(t.weight AS DECIMAL(38, 12))) AS DOUBLE) AS weight
FROM ties t
JOIN authors ca ON ca.author = t.a
JOIN authors cb ON cb.author = t.b
WHERE ca.community <> cb.community
GROUP BY 1, 2
