-- 30_facts, model 11 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- SDG 10.c.1: average cost per corridor, provider, channel and quarter, beside the World Bank's figure. A quarter is
-- made of its months' sums (int_remittance_cost_month). The mean is rounded in exact decimal arithmetic, half away
-- from zero: the sum of cost_pct in units of 0.0001 (an integer), over the count, to the nearest integer. (DuckDB's
-- avg divides in floating point, and sum / count over the months' sums did not give its result at every tie: 2,366
-- of 500,000 test groups differed.)
-- incremental: by quarter
create table mart_remittance_cost as
with by_group as (
    select sender_country, receiving_country, provider_id, channel, quarter,
           (sum(cost_pct_sum) * 10000)::hugeint as cost_units, sum(cost_count) as cost_count,
           sum(txn_count)::bigint as txn_count
    from int_remittance_cost_month
    group by all
),
rounded as (
    select sender_country, receiving_country, provider_id, channel, quarter, txn_count,
           ((sign(cost_units) * ((2 * abs(cost_units) + cost_count) // (2 * cost_count)))::decimal(38, 0) * 0.0001)::decimal(12, 4) as avg_cost_pct
    from by_group
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
    from rounded g
    left join wb using (quarter, sender_country, receiving_country)
)
select * from final;
