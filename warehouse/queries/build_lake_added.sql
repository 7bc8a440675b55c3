-- The files a build finds added to the lake (build_lake_changes.sql), by dataset: their projects enter the index.
select dataset, path from build_lake_added order by dataset, path
