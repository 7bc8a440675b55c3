-- 50_registries, model 2 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

-- Every accepted record as in the lake, units as reported.
create table fct_registry_people as
select person_id, id_basis, key_version, record_id, registry, sex, birth_year, home_unit_code, destination_country,
       departure_on, returned_on, occupation, registered_on, record_on, period, source_id, source_file, source_line
from stg_registry_people;
