-- Contract of projects: every check lists the rows that break it.
-- check: project_id is never null and unique
select project_id, count(*) from projects group by all having count(*) > 1 or project_id is null;
