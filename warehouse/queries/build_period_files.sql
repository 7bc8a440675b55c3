-- The files of one dataset (?) in the partitions a load touched ({{partitions}}: period/source, from
-- build_affected_periods.sql): all an update by period reads of it (every file of those partitions, the load's own
-- and the ones before it).
select path from mizan_build_files
where dataset = ?
  and regexp_extract(path, '(^|/)period=([^/]*)/', 2) || '/' || regexp_extract(path, '/source=([^/]*)/', 1) in ({{partitions}})
order by path
