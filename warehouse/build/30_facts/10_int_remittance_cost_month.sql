-- 30_facts, model 10 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- The cost of sending per corridor, provider, channel and month, as sums (the sum and count of cost_pct, and the
-- transactions): what mart_remittance_cost reads to make a quarter from its three months, instead of the quarter's
-- every transaction. Sums of these sums are the sums of the transactions (decimals add exactly).
-- incremental: by period
create table int_remittance_cost_month as
select t.sender_country, u.country as receiving_country, t.provider_id, t.channel, t.period, t.quarter,
       sum(t.cost_pct) as cost_pct_sum, count(t.cost_pct) as cost_count, count(*) as txn_count
from int_remittance_transactions t
join (select distinct unit_code, country from dim_admin_units) u on u.unit_code = t.receiving_unit_code
group by all;
