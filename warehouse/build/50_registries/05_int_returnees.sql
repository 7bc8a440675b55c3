-- 50_registries, model 5 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

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
