-- 35_ledgers, model 9 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

create table int_project_place_shares as
with pl as (
    select pl.project_id, pl.place_kind, pl.unit_code, pl.region_code, pl.region_vocabulary, pl.share_pct
    from stg_project_places pl
    join dim_projects p on p.project_id = pl.project_id and p.load_unit = pl.load_unit
),
final as (
    select project_id, place_kind, unit_code, region_code, region_vocabulary, share_pct,
           coalesce(share_pct / nullif(sum(share_pct) over (partition by project_id), 0),
                    1.0 / count(*) over (partition by project_id)) as share
    from pl
)
select * from final;
