-- 35_ledgers, model 3 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

-- One row per project. An IATI activity found in several files is taken from the alphabetically last file
-- (source_file; of two files of one name, the last unit of load), whose sectors, places and transactions, and
-- only that file's, are then the ones used. A ledger project (format 6)
-- is described by its rows: title of its first row, the local authority that funds it as reporting_org.
create table dim_projects as
with iati as (
    select project_id, title, reporting_org, initiative_level, status, start_on, end_on, source_id, source_file, load_unit
    from stg_projects
    qualify row_number() over (partition by project_id order by source_file desc, load_unit desc, source_line) = 1
),
ledger as (
    select project_id,
           arg_min(project_title, source_line) as title,
           arg_min(funder_name, source_line) filter (where funder_type = 'local_authority') as reporting_org,
           arg_min(initiative_level, source_line) as initiative_level,
           null::varchar as status,
           min(entry_on) as start_on,
           null::date as end_on,
           arg_min(source_id, source_line) as source_id,
           null::varchar as source_file,
           null::varchar as load_unit
    from stg_funding_entries
    where entry_type_code is null
      and project_id not in (select project_id from iati)
    group by project_id
),
final as (
    select * from iati
    union all
    select * from ledger
)
select * from final;
