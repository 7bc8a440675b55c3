-- 30_facts, model 2 of 9 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- One rate per currency and day, carried forward over days without a rate (weekends, holidays), from each
-- currency's first rate to the last day a transaction needs, so that "the rate of the day, or the nearest
-- earlier one" is an equality join. US dollars convert at 1 on every day a transaction needs.
create table dim_fx_daily as
with needed as (
    select currency, min(sent_on) as first_day, max(sent_on) as last_day
    from fct_remittance_transactions
    group by currency
),
days as (
    select r.currency, unnest(generate_series(min(r.rate_date), greatest(max(r.rate_date), any_value(n.last_day)), interval 1 day))::date as day
    from dim_fx_rates r
    join needed n using (currency)
    group by r.currency
),
daily as (
    select d.currency, d.day, r.rate_date, r.per_usd, r.fx_source
    from days d
    asof join dim_fx_rates r on r.currency = d.currency and d.day >= r.rate_date
),
usd as (
    select 'USD' as currency, day::date as day, day::date as rate_date, 1.0::decimal(20, 8) as per_usd, 'identity' as fx_source
    from needed, unnest(generate_series(needed.first_day, needed.last_day, interval 1 day)) as t(day)
    where needed.currency = 'USD'
),
final as (
    select * from daily
    union all
    select * from usd
)
select * from final;
