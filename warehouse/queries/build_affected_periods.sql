-- The months of the files a load added to or took away from a dataset partitioned by month (?; LakeIndex, after
-- build_lake_changes.sql): the path's period=YYYY-MM folder. An update by period builds the rows of these months
-- again (and of their quarters and years, for the tables keyed by those); an empty month (a path without one)
-- makes the build whole.
select distinct regexp_extract(path, '(^|/)period=([^/]*)/', 2) as period
from (select dataset, path from build_lake_added union all select dataset, path from build_lake_removed)
where dataset = ?
order by period
