-- 35_ledgers, model 8 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

create table int_project_sector_shares as
with s as (
    select project_id, sector_code, percentage
    from dim_project_sectors
    where vocabulary = '1'
),
final as (
    select project_id, sector_code,
           coalesce(percentage / nullif(sum(percentage) over (partition by project_id), 0),
                    1.0 / count(*) over (partition by project_id)) as share
    from s
)
select * from final;
