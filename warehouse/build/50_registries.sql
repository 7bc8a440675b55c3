-- Municipal registries (format 4): people and service deliveries, pseudonymised at ingestion (the lake holds
-- person_id, never a name, phone or ID number). Public views at the end; documented in warehouse/README.md.

create temp view stg_registry_people as
select * from {{lake:registry_people}};

create temp view stg_service_deliveries as
select * from {{lake:service_deliveries}};

-- Every accepted record as in the lake, units as reported.
create table fct_registry_people as
select person_id, id_basis, key_version, record_id, registry, sex, birth_year, home_unit_code, destination_country,
       departure_on, returned_on, occupation, registered_on, record_on, period, source_id, source_file, source_line
from stg_registry_people;

-- One row per person and registry: a person registered twice (in one file, two files or two municipalities)
-- is counted once, at the first record (the earliest record date); records_in_registry says how often.
create table int_registry_persons as
with final as (
    select *,
           count(*) over (partition by person_id, registry) as records_in_registry
    from fct_registry_people
    qualify row_number() over (partition by person_id, registry order by record_on, source_file, source_line) = 1
)
select * from final;

-- Services, amounts in US dollars at the rate of the day or the nearest earlier one (null without a rate).
create table fct_service_deliveries as
with final as (
    select s.service_id, s.unit_code, s.service_type, s.person_id, s.key_version, s.beneficiary_category, s.delivered_on,
           s.amount, s.currency,
           (case when s.currency = 'USD' then s.amount else round(s.amount / r.per_usd, 4) end)::decimal(18, 4) as amount_usd,
           s.provider, s.period, s.source_id, s.source_file, s.source_line
    from stg_service_deliveries s
    asof left join dim_fx_rates r on r.currency = s.currency and s.delivered_on >= r.rate_date
)
select * from final;

-- Returnees: one per person (the first return record); served when any service reached the person on or after
-- the return date, whichever municipality delivered it.
create table int_returnees as
with final as (
    select r.person_id, r.home_unit_code, r.sex, r.returned_on, r.destination_country,
           round(datediff('day', r.departure_on, r.returned_on) / 365.25, 1)::decimal(6, 1) as years_abroad,
           cast(year(r.returned_on) as varchar) as period,
           exists (select 1 from fct_service_deliveries s where s.person_id = r.person_id and s.delivered_on >= r.returned_on) as is_served,
           r.source_id
    from int_registry_persons r
    where r.registry = 'returnee'
)
select * from final;

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

-- Public views.

-- Migrants abroad: the migrant registry, one row per person, without those who have since returned (a returnee
-- record of the same person dated on or after the departure).
-- view: migrants_abroad — people registered abroad, one row per person (registered twice: the first record; returned since: left out)
-- | person_id: pseudonym (64 hex digits): the keyed hash of the normalised national ID, else of name, birth year and home unit
-- | home_unit_code: the unit the person is registered in, as reported
-- | sex: `M`, `F` or `X`
-- | birth_year: the year of birth
-- | destination_country: ISO 3166-1 alpha-2
-- | departure_on: date of departure
-- | registered_on: date of registration
-- | source_id: the registry (municipality or migrant resource centre)
create view migrants_abroad as
select m.person_id, m.home_unit_code, m.sex, m.birth_year, m.destination_country, m.departure_on, m.registered_on, m.source_id
from int_registry_persons m
where m.registry = 'migrant'
  and not exists (
      select 1 from int_registry_persons r
      where r.registry = 'returnee' and r.person_id = m.person_id
        and (m.departure_on is null or r.returned_on >= m.departure_on));

-- view: returnees — returned migrants, one row per person (the first return record)
-- | person_id: pseudonym, as in `migrants_abroad`
-- | home_unit_code: the unit the person is registered in, as reported
-- | sex: `M`, `F` or `X`
-- | returned_on: date of return
-- | destination_country: where the person had been
-- | years_abroad: days from departure to return / 365.25, one decimal; null without a departure date
-- | source_id: the registry
create view returnees as
select person_id, home_unit_code, sex, returned_on, destination_country, years_abroad, source_id
from int_returnees;

-- view: service_deliveries — every accepted service
-- | service_id: the provider's id of the service
-- | unit_code: where it was delivered
-- | service_type: `pre_departure_orientation`, `reintegration_assistance`, `financial_literacy`, `psychosocial_support`, `business_training`, `seed_funding`, `job_placement`
-- | person_id: the beneficiary's pseudonym
-- | beneficiary_category: `returnee`, `migrant_family`, `community_member`, `vulnerable`
-- | delivered_on: the day of the service
-- | amount: for seed funding (null otherwise), in `currency`
-- | currency: ISO 4217
-- | amount_usd: `amount` at the rate of the day, or the nearest earlier one; null without a rate
-- | source_id: the registry
create view service_deliveries as
select service_id, unit_code, service_type, person_id, beneficiary_category, delivered_on, amount, currency, amount_usd, source_id
from fct_service_deliveries;

-- view: reintegration_coverage — returnees reached by a service, at every level
-- | unit_code: every unit from the returnee's home unit up to the country
-- | level: the unit's level
-- | period: the year of return (`YYYY`)
-- | sex: `M`, `F`, `X`, or `all`
-- | returnees: distinct returnees whose home is in the unit
-- | returnees_served: of them, those who received any service on or after their return date, wherever delivered
-- | coverage_pct: `100 × returnees_served / returnees`, one decimal
create view reintegration_coverage as
select unit_code, level, period, sex, returnees, returnees_served, coverage_pct
from mart_reintegration_coverage;

-- view: registry_duplicates — people registered more than once in the same registry (counted once in the views above)
-- | person_id: the pseudonym
-- | registry: `migrant` or `returnee`
-- | records: how many records
-- | source_ids: the registries that hold them
-- | first_record_on: the earliest record date
-- | last_record_on: the latest record date
create view registry_duplicates as
select person_id, registry, count(*) as records, string_agg(distinct source_id, ', ' order by source_id) as source_ids,
       min(record_on) as first_record_on, max(record_on) as last_record_on
from fct_registry_people
group by person_id, registry
having count(*) > 1;
