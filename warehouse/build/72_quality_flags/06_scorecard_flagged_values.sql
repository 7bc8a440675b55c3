-- 72_quality_flags, model 6 of 6 (one model per file, run in the order of build/BUILD; the header of
-- 72_quality_flags/01_int_quality_candidates.sql is the whole step's).

-- The scorecard names the open (or rejected, not excluded) flags on values in and below a unit that year.
update mart_coherence_scorecard s
set flags = coalesce(nullif(s.flags, '') || ', ', '') || 'flagged_values',
    reasons = coalesce(nullif(s.reasons, '') || '; ', '') || q.sentence
from (
    select a.ancestor_code as unit_code, left(f.period, 4) as period,
           'data_quality_flags: ' || count(distinct f.flag_id) || ' unreviewed or rejected flag(s) on values in the unit ('
               || string_agg(distinct f.check_name, ', ' order by f.check_name) || ').' as sentence
    from mart_data_quality_flags f
    join dim_unit_ancestors a on a.unit_code = f.unit_code
    where f.review = 'open' or (f.review = 'rejected' and not f.is_excluded)
    group by all
) q
where q.unit_code = s.unit_code and q.period = s.period;
