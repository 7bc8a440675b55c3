-- Facts. The transactions are copied as they are in the lake: a copy in lake order writes fast and
-- compresses well, where the same copy through a join took three times as long at five million rows.
-- The USD conversion is a view over it (int_remittance_transactions), a join on the small daily rate table.

create table fct_remittance_transactions as
select txn_id, provider_id, sent_at, sent_at_offset_min, sent_on, period, sender_country, receiving_unit_code,
       receiving_locality, amount, currency, fee, fx_margin_pct, channel, source_id, source_file, source_line
from stg_remittance_transactions;

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

create view int_remittance_transactions as
with final as (
    select t.txn_id, t.provider_id, t.sent_at, t.sent_on, t.period,
           year(t.sent_on) || '-Q' || quarter(t.sent_on) as quarter,
           t.sender_country, t.receiving_unit_code, t.receiving_locality,
           t.amount, t.currency, t.fee, t.fx_margin_pct,
           round(100.0 * t.fee / t.amount + coalesce(t.fx_margin_pct, 0), 4)::decimal(12, 4) as cost_pct,
           round(t.amount / r.per_usd, 4)::decimal(18, 4) as amount_usd,
           r.per_usd as fx_rate, r.rate_date as fx_rate_date, r.fx_source,
           t.channel, t.source_id, t.source_file, t.source_line
    from fct_remittance_transactions t
    left join dim_fx_daily r on r.currency = t.currency and r.day = t.sent_on
)
select * from final;

-- Transactions a steward rejected and excluded (./mizan review FLAG --reject "…" --exclude; cfg_quality_reviews from
-- MIZAN_HOME/quality/reviews.yml): kept here, with their USD value, for the flags and the public view
-- quality_exclusions (70_quality_points.sql, 72_quality_flags.sql), and removed from fct_remittance_transactions,
-- so out of every view built on it.
create table int_quality_excluded_transactions as
select t.*
from int_remittance_transactions t
where exists (select 1 from cfg_quality_reviews where is_excluded and dataset = 'remittance_transactions')
  and t.provider_id || '/' || t.txn_id in (
    select record from cfg_quality_reviews where is_excluded and dataset = 'remittance_transactions');

delete from fct_remittance_transactions
where exists (select 1 from int_quality_excluded_transactions)
  and provider_id || '/' || txn_id in (select provider_id || '/' || txn_id from int_quality_excluded_transactions);

create table fct_corridor_aggregates as
select period, sender_country, receiving_unit_code, amount_usd, txn_count, reporter, source_id, source_file, source_line
from stg_corridor_aggregates;

create table fct_corridor_costs as
with final as (
    select quarter, sender_country, receiving_country, avg_cost_pct, source_id, source_file, source_line
    from stg_corridor_costs
    qualify row_number() over (partition by quarter, sender_country, receiving_country, source_id order by source_file desc, source_line) = 1
)
select * from final;

-- Roll-up of inflows to every level: a unit's row holds everything received in it and below it.
create table mart_remittance_inflows as
with final as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, t.period,
           sum(t.amount_usd)::decimal(18, 4) as amount_usd,
           count(*) as txn_count
    from int_remittance_transactions t
    join dim_unit_ancestors a on a.unit_code = t.receiving_unit_code
    group by all
)
select * from final;

-- The cost of sending per receiving unit (every level), year and sending country, as sums (cost_pct_sum /
-- txn_count is the corridor's mean cost_pct): remittance_cost per unit, for warehouse/named/unit-cost.sql (the
-- dashboard's unit pages and regional users), built here so that a page never scans every transaction.
create table mart_unit_corridor_cost as
with by_unit as (
    select receiving_unit_code, substr(period, 1, 4) as period, sender_country,
           sum(cost_pct) as cost_pct_sum, count(cost_pct) as txn_count
    from int_remittance_transactions
    group by all
),
final as (
    select a.ancestor_code as unit_code, a.ancestor_level as level, b.period, b.sender_country,
           sum(b.cost_pct_sum) as cost_pct_sum, sum(b.txn_count) as txn_count
    from by_unit b
    join dim_unit_ancestors a on a.unit_code = b.receiving_unit_code
    group by all
)
select * from final;

-- SDG 10.c.1: average cost per corridor, provider, channel and quarter, beside the World Bank's figure.
create table mart_remittance_cost as
with by_group as (
    select t.sender_country, u.country as receiving_country, t.provider_id, t.channel, t.quarter,
           round(avg(t.cost_pct), 4)::decimal(12, 4) as avg_cost_pct,
           count(*) as txn_count
    from int_remittance_transactions t
    join (select distinct unit_code, country from dim_admin_units) u on u.unit_code = t.receiving_unit_code
    group by all
),
wb as (
    select quarter, sender_country, receiving_country, round(avg(avg_cost_pct), 4)::decimal(12, 4) as wb_avg_cost_pct
    from fct_corridor_costs
    group by all
),
final as (
    select g.sender_country, g.receiving_country, g.provider_id, g.channel, g.quarter,
           g.avg_cost_pct, g.txn_count,
           g.avg_cost_pct > 3 as is_above_3pct,
           g.avg_cost_pct > 5 as is_above_5pct,
           wb.wb_avg_cost_pct
    from by_group g
    left join wb using (quarter, sender_country, receiving_country)
)
select * from final;
