-- 50_registries, model 12 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

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
