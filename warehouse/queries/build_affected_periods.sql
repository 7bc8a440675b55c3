-- The partitions of the files a load added to or took away from a dataset partitioned by month (?; LakeIndex, after
-- build_lake_changes.sql): the path's period=YYYY-MM and source=… folders. An update by period builds the rows of
-- these partitions again (and of their months, quarters and years, for the tables keyed by those); a path without
-- them makes the build whole.
select distinct regexp_extract(path, '(^|/)period=([^/]*)/', 2) as period,
       regexp_extract(path, '/source=([^/]*)/', 1) as source
from (select dataset, path from build_lake_added union all select dataset, path from build_lake_removed)
where dataset = ?
order by period, source
