-- 50_registries, model 7 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

-- Reintegration coverage on the boundaries of any date: each returnee's home unit goes through
-- unit_crosswalk(on_date) (a unit merged before that date counts in the unit it merged into; a split one in each
-- successor with its share), then up the hierarchy. Counts are weighted by the shares (whole numbers unless a
-- unit was split).
create macro reintegration_coverage_on(on_date) as table
with mapped as (
    select x.to_code as unit_code, r.period, r.sex, r.person_id, r.is_served, x.share
    from int_returnees r
    join unit_crosswalk(on_date) x on x.from_code = r.home_unit_code
),
by_unit as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, m.period,
           case when grouping(m.sex) = 1 then 'all' else coalesce(m.sex, 'unknown') end as sex,
           sum(m.share)::decimal(18, 2) as returnees,
           coalesce(sum(m.share) filter (where m.is_served), 0)::decimal(18, 2) as returnees_served
    from mapped m
    join dim_unit_ancestors a on a.unit_code = m.unit_code
    group by grouping sets ((a.ancestor_code, a.ancestor_level, m.period, m.sex), (a.ancestor_code, a.ancestor_level, m.period))
)
select unit_code, level, period, sex, returnees, returnees_served,
       round(100.0 * returnees_served / returnees, 1)::decimal(5, 1) as coverage_pct
from by_unit;
