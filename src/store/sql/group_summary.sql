-- One row per research group: members, papers written by its members, years covered, and the weight of its ties
-- inside the group and to other groups. Plain SQL over the store's tables or their Parquet files. Weights are summed
-- as decimals, exactly, so the sums do not depend on the order of a parallel scan.
WITH member_papers AS (
  SELECT DISTINCT au.community, s.paper FROM authorships s JOIN authors au ON au.author = s.author
), paper_stats AS (
  SELECT mp.community, COUNT(*) AS papers, MIN(p.year) AS first_year, MAX(p.year) AS last_year
  FROM member_papers mp JOIN papers p ON p.paper = mp.paper
  GROUP BY mp.community
), tie_sides AS (
  SELECT ca.community AS community, ca.community = cb.community AS inside, CAST(t.weight AS DECIMAL(38, 12)) AS weight
  FROM ties t JOIN authors ca ON ca.author = t.a JOIN authors cb ON cb.author = t.b
  UNION ALL
  SELECT cb.community AS community, FALSE AS inside, CAST(t.weight AS DECIMAL(38, 12)) AS weight
  FROM ties t JOIN authors ca ON ca.author = t.a JOIN authors cb ON cb.author = t.b
  WHERE ca.community <> cb.community
), tie_stats AS (
  SELECT community,
    CAST(SUM(CASE WHEN inside THEN weight ELSE 0 END) AS DOUBLE) AS inner_weight,
    CAST(SUM(CASE WHEN inside THEN 0 ELSE weight END) AS DOUBLE) AS outer_weight
  FROM tie_sides
  GROUP BY community
)
SELECT c.community, c.size AS members, COALESCE(ps.papers, 0) AS papers, ps.first_year, ps.last_year,
  COALESCE(ts.inner_weight, 0) AS inner_weight, COALESCE(ts.outer_weight, 0) AS outer_weight
FROM communities c
LEFT JOIN paper_stats ps ON ps.community = c.community
LEFT JOIN tie_stats ts ON ts.community = c.community
