-- 50_registries, model 9 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

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
