-- 50_registries, model 3 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 50_registries/01_staging.sql is the whole step's).

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
