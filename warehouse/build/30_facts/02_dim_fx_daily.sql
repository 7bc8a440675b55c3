-- 30_facts, model 2 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- One rate per currency and day, for every day of the months that have transactions in that currency (each day
-- with the rate of the day, or of the nearest earlier day with one: weekends, holidays), so that "the rate of the
-- day, or the nearest earlier one" is an equality join. US dollars convert at 1. A month's rows follow from that
-- month's transactions alone, so a load of remittances builds only the months it touched.
-- incremental: by period
create table dim_fx_daily as
with needed as (
    select distinct currency, period
    from fct_remittance_transactions
    where period is not null
),
days as (
    select n.currency, n.period, cast(n.period || '-01' as date) + cast(d.i as integer) as day
    from needed n
    cross join range(31) as d(i)
    where strftime(cast(n.period || '-01' as date) + cast(d.i as integer), '%Y-%m') = n.period
),
daily as (
    select d.currency, d.day, r.rate_date, r.per_usd, r.fx_source, d.period
    from days d
    asof join dim_fx_rates r on r.currency = d.currency and d.day >= r.rate_date
    where d.currency <> 'USD'
),
usd as (
    select 'USD' as currency, day, day as rate_date, 1.0::decimal(20, 8) as per_usd, 'identity' as fx_source, period
    from days
    where currency = 'USD'
),
final as (
    select * from daily
    union all
    select * from usd
)
select * from final;
