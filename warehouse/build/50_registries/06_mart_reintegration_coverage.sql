-- 50_registries, model 6 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

-- Reintegration coverage at every level of the hierarchy, per year of return, per sex and for both ('all').
create table mart_reintegration_coverage as
with by_unit as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, r.period,
           case when grouping(r.sex) = 1 then 'all' else coalesce(r.sex, 'unknown') end as sex,
           count(distinct r.person_id) as returnees,
           count(distinct r.person_id) filter (where r.is_served) as returnees_served
    from int_returnees r
    join dim_unit_ancestors a on a.unit_code = r.home_unit_code
    group by grouping sets ((a.ancestor_code, a.ancestor_level, r.period, r.sex), (a.ancestor_code, a.ancestor_level, r.period))
),
final as (
    select unit_code, level, period, sex, returnees, returnees_served,
           round(100.0 * returnees_served / returnees, 1)::decimal(5, 1) as coverage_pct
    from by_unit
)
select * from final;
