-- 60_coherence, model 8 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

-- 3. Programme complementarity per unit, sector and year: national programmes (national-level projects, and
-- national government money in any project) and local initiatives (local-level projects) present in the unit or
-- below it. Both present: `complementary` when at least one project is funded by both (co-financing), else
-- `duplication_risk` (parallel projects in one sector). `gap`: a municipality in the top quartile of emigration
-- (migrants abroad registered from it, among its country's municipalities) where a sector its region's plan funds
-- that year has neither.
create table mart_programme_complementarity as
with funded as (
    select f.project_id, f.unit_code, f.sector_code, strftime(f.entry_on, '%Y') as period,
           p.initiative_level = 'national' or f.funder_type = 'national_government' as is_national,
           p.initiative_level = 'local' or f.funder_type = 'local_authority' as is_local
    from int_project_funding f
    join dim_projects p on p.project_id = f.project_id
    where f.sector_code is not null and f.unit_code is not null
),
per_project as (
    select project_id, unit_code, sector_code, period, bool_or(is_national) as national, bool_or(is_local) as local
    from funded
    group by all
),
presence as (
    select a.ancestor_code as unit_code, p.sector_code, p.period,
           bool_or(p.national) as national_present, bool_or(p.local) as local_present,
           bool_or(p.national and p.local) as co_funded
    from per_project p
    join dim_unit_ancestors a on a.unit_code = p.unit_code
    group by all
),
emigration as (
    select u.unit_code, u.country, count(m.person_id) as migrants
    from int_coherence_units u
    left join int_unit_to_municipality um on um.municipality_code = u.unit_code
    left join migrants_abroad m on m.home_unit_code = um.unit_code
    where u.is_local
    group by all
),
top_quartile as (
    select unit_code
    from (select unit_code, migrants, percent_rank() over (partition by country order by migrants) as pr from emigration)
    where migrants > 0 and pr >= 0.75
),
planned as (
    select m.unit_code, p.sector_code, cast(p.fiscal_year as varchar) as period
    from int_plan_allocations p
    join dim_unit_ancestors a on a.ancestor_code = p.unit_code
    join int_coherence_units m on m.unit_code = a.unit_code and m.is_local
    where p.planned_amount > 0
),
gaps as (
    select pl.unit_code, pl.sector_code, pl.period
    from planned pl
    join top_quartile t on t.unit_code = pl.unit_code
    left join presence pr on pr.unit_code = pl.unit_code and pr.sector_code = pl.sector_code and pr.period = pl.period
    where pr.unit_code is null
),
final as (
    select p.unit_code, u.level, p.sector_code, p.period, p.national_present, p.local_present,
           case when p.national_present and p.local_present and p.co_funded then 'complementary'
                when p.national_present and p.local_present then 'duplication_risk'
                when p.local_present then 'local_only'
                else 'national_only' end as category
    from presence p
    join int_coherence_units u on u.unit_code = p.unit_code
    where p.national_present or p.local_present
    union all
    select g.unit_code, u.level, g.sector_code, g.period, false, false, 'gap'
    from gaps g
    join int_coherence_units u on u.unit_code = g.unit_code
)
select * from final;

-- view: programme_complementarity — national programmes and local initiatives per unit, sector and year
-- | unit_code: any unit from level 0 to its country's local level (admin_levels) (presence counts the unit and every unit below it)
-- | level: the unit's level
-- | sector_code: DAC 5-digit purpose code
-- | period: the year
-- | national_present: a national-level project, or national government money, in the sector
-- | local_present: a local-level project, or local authority money, in the sector
-- | category: `complementary` (both, co-funding a project), `duplication_risk` (both, in separate projects), `local_only`, `national_only`, or `gap` (a top-quartile emigration municipality where a sector its region's plan funds has neither)
create view programme_complementarity as
select unit_code, level, sector_code, period, national_present, local_present, category
from mart_programme_complementarity;
