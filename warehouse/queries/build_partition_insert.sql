-- ...and takes them again from its own query ({{query}}, which reads the files of those partitions only).
insert into {{name}} select * from ({{query}})
where period in ({{months}})
  and period || '/' || regexp_replace(source_id, '[^A-Za-z0-9._-]', '_', 'g') in ({{partitions}});
