-- The files of one dataset (?) in the months a load touched ({{periods}}, from build_affected_periods.sql): all an
-- update by period reads of it (every file of those months, the load's own and the ones before it).
select path from mizan_build_files
where dataset = ? and regexp_extract(path, '(^|/)period=([^/]*)/', 2) in ({{periods}})
order by path
