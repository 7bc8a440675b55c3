-- An update by period (Warehouse): a table marked "-- incremental: by partition" ({{name}}: the lake's rows as they
-- are, with their period and source_id) loses the rows of the lake partitions the load touched ({{partitions}},
-- period/source as the folders name them: the source folder is the source_id with every character but
-- A-Za-z0-9._- written _, as Lake.partition does; {{months}} their months, which prune the scan)...
delete from {{name}}
where period in ({{months}})
  and period || '/' || regexp_replace(source_id, '[^A-Za-z0-9._-]', '_', 'g') in ({{partitions}});
