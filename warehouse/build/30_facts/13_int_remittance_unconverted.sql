-- 30_facts, model 13 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- The transactions with no FX rate on or before their day, per month and currency (how many, their sum): what the
-- view rollup_gaps (72_quality_flags/05) reads instead of every transaction.
-- incremental: by period
create table int_remittance_unconverted as
select period, currency, count(*) as entries, sum(amount) as amount
from int_remittance_transactions
where amount_usd is null
group by all;
