-- 30_facts, model 7 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- The transactions per receiving unit, month (and its year, for the views by year) and sending country: their USD sum
-- and count, and the sum and count of their cost_pct. What the tables by year read (mart_unit_corridor_cost here,
-- and 60_coherence/04, 06, 09) instead of every transaction, so that a load of one month's file builds them from a
-- few thousand rows, not from every transaction of the year or ever loaded. Sums of these sums are the sums of the
-- transactions (decimals add exactly).
-- incremental: by period
create table int_remittance_unit_month as
select receiving_unit_code, period, strftime(sent_on, '%Y') as year, sender_country,
       sum(amount_usd) as amount_usd, count(*) as txn_count,
       sum(cost_pct) as cost_pct_sum, count(cost_pct) as cost_count
from int_remittance_transactions
group by all;
