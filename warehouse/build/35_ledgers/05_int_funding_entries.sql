-- 35_ledgers, model 5 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).
-- incremental: by project_id

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
