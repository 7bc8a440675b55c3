-- 60_coherence, model 4 of 10 (one model per file, run in the order of build/BUILD; the header of
-- 60_coherence/01_int_coherence_units.sql is the whole step's).

-- Money and people per municipality and year, each with whether its source reported.
create table int_municipal_year as
with rem as (
    select m.municipality_code, t.year as period, sum(t.amount_usd) as remittance_usd
    from int_remittance_unit_month t
    join int_unit_to_municipality m on m.unit_code = t.receiving_unit_code
    group by all
),
rem_countries as (
    select distinct u.country, t.year as period
    from int_remittance_unit_month t
    join dim_admin_units u on u.unit_code = t.receiving_unit_code
),
ledger as (
    select m.municipality_code, strftime(f.entry_on, '%Y') as period,
           coalesce(sum(f.amount_usd) filter (where f.funder_type = 'diaspora' and f.entry_type = 'commitment'), 0) as diaspora_usd,
           count(*) as entries
    from int_project_funding f
    join int_unit_to_municipality m on m.unit_code = f.unit_code
    group by all
),
registry as (
    select m.municipality_code, p.period
    from (select home_unit_code as unit_code, strftime(record_on, '%Y') as period from fct_registry_people
          union all
          select unit_code, strftime(delivered_on, '%Y') from fct_service_deliveries) p
    join int_unit_to_municipality m on m.unit_code = p.unit_code
    group by all
),
years as (
    select period from rem_countries
    union select period from ledger
    union select period from registry
),
grid as (
    select u.unit_code as municipality_code, u.country, y.period
    from int_coherence_units u, years y
    where u.is_local
),
final as (
    select g.municipality_code, g.country, g.period,
           rc.country is not null as remittance_reported,
           case when rc.country is not null then coalesce(r.remittance_usd, 0) end as remittance_usd,
           l.entries is not null as ledger_reported,
           l.diaspora_usd,
           rg.municipality_code is not null as registry_reported
    from grid g
    left join rem_countries rc on rc.country = g.country and rc.period = g.period
    left join rem r on r.municipality_code = g.municipality_code and r.period = g.period
    left join ledger l on l.municipality_code = g.municipality_code and l.period = g.period
    left join registry rg on rg.municipality_code = g.municipality_code and rg.period = g.period
)
select * from final;
