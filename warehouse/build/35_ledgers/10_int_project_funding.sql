-- 35_ledgers, model 10 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

-- Entries split by sector and place. An entry that names its own sector or place (every ledger row; an IATI
-- transaction with its own sector, recipient country or recipient region) is not split on that axis; a project without DAC
-- sectors or places keeps the entry whole with no sector or unit.
create table int_project_funding as
with keyed as (
    -- the join keys are null for an entry that names its own sector or unit: a plain equality join (a condition
    -- on the entry alone in the join's ON clause would make DuckDB compare every entry with every project)
    select *,
           case when sector_code is null then project_id end as sector_key,
           case when unit_code is null and region_code is null then project_id end as place_key
    from int_funding_entries
),
sector_split as (
    select e.*, coalesce(e.sector_code, s.sector_code) as split_sector, coalesce(s.share, 1.0) as sector_share
    from keyed e
    left join int_project_sector_shares s on s.project_id = e.sector_key
),
place_split as (
    select x.*, coalesce(x.unit_code, p.unit_code) as split_unit, coalesce(x.region_code, p.region_code) as split_region,
           coalesce(p.share, 1.0) as place_share
    from sector_split x
    left join int_project_place_shares p on p.project_id = x.place_key
),
final as (
    select project_id, entry_id, split_unit as unit_code, split_region as region_code, split_sector as sector_code,
           entry_type, entry_on, value_on, funder_type, funder_name, scheme,
           round(amount * sector_share * place_share, 4)::decimal(20, 4) as amount,
           currency,
           round(amount_usd * sector_share * place_share, 4)::decimal(20, 4) as amount_usd,
           fx_rate, fx_rate_date, fx_source, is_fx_missing, period, source_id
    from place_split
)
select * from final;
