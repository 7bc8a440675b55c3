-- 30_facts, model 9 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- The cost of sending per receiving unit (every level), year and sending country, as sums (cost_pct_sum /
-- txn_count is the corridor's mean cost_pct): remittance_cost per unit, for warehouse/named/unit-cost.sql (the
-- dashboard's unit pages and regional users), built here so that a page never scans every transaction.
-- incremental: by period
create table mart_unit_corridor_cost as
with by_unit as (
    select receiving_unit_code, year as period, sender_country,
           sum(cost_pct_sum) as cost_pct_sum, sum(cost_count)::bigint as txn_count
    from int_remittance_unit_month
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
