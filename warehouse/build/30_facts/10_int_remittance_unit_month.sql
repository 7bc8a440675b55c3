-- 30_facts, model 10 of 12 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- The transactions per receiving unit and month (and its year, for the views by year): their USD sum and count,
-- what the coherence views read (60_coherence/04, 06, 09) instead of every transaction, so that a load of one
-- month's file builds them from a few thousand rows, not from every transaction ever loaded. Sums of these sums
-- are the sums of the transactions (decimals add exactly).
-- incremental: by period
create table int_remittance_unit_month as
select receiving_unit_code, period, strftime(sent_on, '%Y') as year,
       sum(amount_usd) as amount_usd, count(*) as txn_count
from int_remittance_transactions
group by all;
