-- 30_facts, model 10 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- SDG 10.c.1: average cost per corridor, provider, channel and quarter, beside the World Bank's figure.
-- incremental: by quarter
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
