-- ...and takes them again from its own query ({{query}}, the "create table … as" of its build file), for those
-- periods only: the same rows a build of the whole table would give them. The keys are constants, so the filter
-- goes down through the query's grouping and joins to the scan of its facts.
insert into {{name}} select * from ({{query}}) where {{key}} in ({{keys}});
