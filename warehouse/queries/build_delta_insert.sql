-- ...and takes them again from its own query ({{query}}, the "create table … as" of its build file), for those
-- projects only: the same rows a build of the whole table would give them, the other projects' rows left as they were.
insert into {{name}} select * from ({{query}}) where project_id in (select project_id from build_affected_projects);
