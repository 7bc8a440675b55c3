-- 50_registries, model 8 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

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
