-- 35_ledgers, model 6 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

-- Entries a steward rejected and excluded (./mizan review FLAG --reject "…" --exclude; cfg_quality_reviews from
-- MIZAN_HOME/quality/reviews.yml): moved out of int_funding_entries, so out of every view built on it, and kept
-- here for the flags and the public view quality_exclusions (70_quality_points.sql, 72_quality_flags/).
create table int_quality_excluded_entries as
select e.*
from int_funding_entries e
where e.project_id || '/' || e.entry_id in (
    select record from cfg_quality_reviews where is_excluded and dataset = 'project_funding');

delete from int_funding_entries
where project_id || '/' || entry_id in (select project_id || '/' || entry_id from int_quality_excluded_entries);
