-- 35_ledgers, model 4 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

-- Funding entries: ledger rows as they are; IATI transactions of the file each project is taken from.
create table fct_funding_entries as
with final as (
    select e.project_id, e.entry_id, e.entry_type, e.entry_type_code, e.entry_on, e.value_on, e.amount, e.currency,
           e.funder_type, e.funder_name, e.funder_ref, e.receiver_name, e.scheme, e.unit_code, e.region_code, e.sector_code,
           e.period, e.source_id, e.source_file, e.source_line
    from stg_funding_entries e
    left join dim_projects p on p.project_id = e.project_id
    where e.entry_type_code is null or p.load_unit = e.load_unit
)
select * from final;
