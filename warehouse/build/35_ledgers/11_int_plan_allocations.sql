-- 35_ledgers, model 11 of 11 (one model per file, run in the order of build/BUILD; the header of
-- 35_ledgers/01_staging.sql is the whole step's).

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
