-- Ties between research groups: the ties whose two authors are in different groups, aggregated per pair of groups
-- (the edges of the group map). Plain SQL over the store's tables or their Parquet files.
SELECT LEAST(ca.community, cb.community) AS group_a, GREATEST(ca.community, cb.community) AS group_b,
  COUNT(*) AS ties, SUM(t.papers) AS papers, SUM(t.weight) AS weight
FROM ties t
JOIN authors ca ON ca.author = t.a
JOIN authors cb ON cb.author = t.b
WHERE ca.community <> cb.community
GROUP BY 1, 2
