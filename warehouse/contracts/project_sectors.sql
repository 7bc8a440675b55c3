-- Contract of project_sectors (an IATI activity's sectors, in every vocabulary): every check lists the rows that break it.
-- check: project_id, vocabulary and sector_code are never null (a publisher may list one sector twice in an
-- activity; the view keeps each listing with its own percentage, so a sector is not a key)
select project_id, vocabulary, sector_code from project_sectors
where project_id is null or vocabulary is null or sector_code is null;
-- check: project_id is a project of projects
select project_id from project_sectors where project_id not in (select project_id from projects);
-- check: every percentage is a percentage
select * from project_sectors where percentage is null or percentage not between 0 and 100;
