-- Project ledgers: IATI activities and local-authority ledgers (projects, sectors, places, funding entries),
-- national plan allocations and IATI code lists. Staging views only rename; the USD conversion uses the
-- same rate table as the remittances (dim_fx_rates): the rate of the value date, or the nearest earlier one.
-- A row's load_unit is its unit of load, the delivered file it came from (the lake file's name without part number
-- and extension: the file's name and the hash of the path the steward gave, Lake.unitOf). Rows of one file are
-- told by it, never by source_file (the base name): p1/activities.xml and p2/activities.xml are two files.

create temp view stg_projects as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:projects:filename}};

create temp view stg_project_sectors as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:project_sectors:filename}};

create temp view stg_project_places as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:project_places:filename}};

create temp view stg_funding_entries as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:funding_entries:filename}};

create temp view stg_plan_allocations as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:plan_allocations:filename}};

create temp view stg_code_list_items as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:code_list_items:filename}};

-- IATI code lists with their English names; a list delivered again replaces its codes.
create table dim_code_lists as
with final as (
    select code_list, code, name, category, status
    from stg_code_list_items
    qualify row_number() over (partition by code_list, code order by source_file desc, load_unit desc, source_line) = 1
)
select * from final;

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

-- Each entry with its USD value: the rate of the value date or the nearest earlier one (ASOF join), US dollars
-- at 1. An entry with no such rate keeps its amount, has no amount_usd and is flagged (is_fx_missing).
create table int_funding_entries as
with rated as (
    select e.*, r.per_usd, r.rate_date, r.fx_source as rate_source
    from fct_funding_entries e
    asof left join dim_fx_rates r on r.currency = e.currency and e.value_on >= r.rate_date
),
final as (
    select project_id, entry_id, entry_type, entry_type_code, entry_on, value_on, amount, currency,
           funder_type, funder_name, scheme, unit_code, region_code, sector_code, period, source_id, source_file, source_line,
           case when currency = 'USD' then amount
                when per_usd is not null then round(amount / per_usd, 4)::decimal(20, 4) end as amount_usd,
           case when currency = 'USD' then 1::decimal(20, 8) else per_usd end as fx_rate,
           case when currency = 'USD' then value_on else rate_date end as fx_rate_date,
           case when currency = 'USD' then 'identity' else rate_source end as fx_source,
           currency <> 'USD' and per_usd is null as is_fx_missing
    from rated
)
select * from final;

-- Entries a steward rejected and excluded (./mizan review FLAG --reject "…" --exclude; cfg_quality_reviews from
-- MIZAN_HOME/quality/reviews.yml): moved out of int_funding_entries, so out of every view built on it, and kept
-- here for the flags and the public view quality_exclusions (70_quality_points.sql, 72_quality_flags.sql).
create table int_quality_excluded_entries as
select e.*
from int_funding_entries e
where e.project_id || '/' || e.entry_id in (
    select record from cfg_quality_reviews where is_excluded and dataset = 'project_funding');

delete from int_funding_entries
where project_id || '/' || entry_id in (select project_id || '/' || entry_id from int_quality_excluded_entries);

-- Where an IATI project's money goes, shares summing to 1 per project: its DAC 5-digit sectors (vocabulary 1)
-- by @percentage, and its places (admin unit, recipient countries as level-0 units, recipient regions).
create table dim_project_sectors as
with final as (
    select s.project_id, s.vocabulary, s.sector_code, s.sector_name, s.percentage
    from stg_project_sectors s
    join dim_projects p on p.project_id = s.project_id and p.load_unit = s.load_unit
)
select * from final;

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

-- Plan allocations, converted at the rate of the fiscal year's first day (or the nearest earlier one).
create table int_plan_allocations as
with plans as (
    select *
    from stg_plan_allocations
    qualify row_number() over (partition by plan_id, fiscal_year, unit_code, sector_code order by source_file desc, load_unit desc, source_line) = 1
),
rated as (
    select a.*, r.per_usd, r.rate_date, r.fx_source as rate_source
    from plans a
    asof left join dim_fx_rates r on r.currency = a.currency and a.rate_on >= r.rate_date
),
final as (
    select plan_id, fiscal_year, unit_code, sector_code, planned_amount, currency, rate_on,
           case when currency = 'USD' then planned_amount
                when per_usd is not null then round(planned_amount / per_usd, 4)::decimal(20, 4) end as planned_usd,
           case when currency = 'USD' then 1::decimal(20, 8) else per_usd end as fx_rate,
           case when currency = 'USD' then rate_on else rate_date end as fx_rate_date,
           case when currency = 'USD' then 'identity' else rate_source end as fx_source,
           currency <> 'USD' and per_usd is null as is_fx_missing,
           source_id
    from rated
)
select * from final;
