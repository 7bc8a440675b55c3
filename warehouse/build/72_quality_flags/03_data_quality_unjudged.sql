-- 72_quality_flags, model 3 of 6 (one model per file, run in the order of build/BUILD; the header of
-- 72_quality_flags/01_int_quality_candidates.sql is the whole step's).

-- view: data_quality_unjudged — groups a statistical check could not judge: too few values, neither flagged nor passed
-- | check_name: the check of config/quality.yml
-- | dataset: as in `data_quality_flags`
-- | measure: as in `data_quality_flags`
-- | unit_code: the unit (history), or the parent whose units were compared (siblings)
-- | period: null for a unit's history; the month for siblings
-- | points: how many values there were
-- | needed: how many the check needs (`min_points`)
-- | reason: `not enough history` or `not enough siblings`, with the counts
create view data_quality_unjudged as
select distinct check_name, dataset, measure,
       case across when 'history' then unit_code else split_part(grp, ' ', 1) end as unit_code,
       case across when 'history' then null else period end as period,
       n as points, min_points as needed,
       verdict || ': ' || n || ' of the ' || min_points || ' values needed' as reason
from int_quality_scored
where verdict like 'not enough %';
