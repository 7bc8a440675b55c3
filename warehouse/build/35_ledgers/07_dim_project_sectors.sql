-- 35_ledgers, model 7 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

-- Where an IATI project's money goes, shares summing to 1 per project: its DAC 5-digit sectors (vocabulary 1)
-- by @percentage, and its places (admin unit, recipient countries as level-0 units, recipient regions).
create table dim_project_sectors as
with final as (
    select s.project_id, s.vocabulary, s.sector_code, s.sector_name, s.percentage
    from stg_project_sectors s
    join dim_projects p on p.project_id = s.project_id and p.load_unit = s.load_unit
)
select * from final;
