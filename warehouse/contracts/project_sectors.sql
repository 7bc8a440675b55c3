-- Contract of project_sectors (an IATI activity's sectors, in every vocabulary): every check lists the rows that break it.
-- check: project_id, vocabulary and sector_code are never null, and a sector is listed once per project and vocabulary
select project_id, vocabulary, sector_code, count(*) from project_sectors group by all
having count(*) > 1 or project_id is null or vocabulary is null or sector_code is null;
-- check: project_id is a project of projects
select project_id from project_sectors where project_id not in (select project_id from projects);
-- check: every percentage is a percentage
select * from project_sectors where percentage is null or percentage not between 0 and 100;
-- check: a DAC 5-digit sector (vocabulary 1) is 5 digits
select * from project_sectors where vocabulary = '1' and not regexp_full_match(sector_code, '[0-9]{5}');
