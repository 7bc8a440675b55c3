-- 30_facts, model 4 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- Transactions a steward rejected and excluded (./mizan review FLAG --reject "…" --exclude; cfg_quality_reviews from
-- MIZAN_HOME/quality/reviews.yml): kept here, with their USD value, for the flags and the public view
-- quality_exclusions (70_quality_points.sql, 72_quality_flags/), and removed from fct_remittance_transactions,
-- so out of every view built on it.
-- incremental: by period
create table int_quality_excluded_transactions as
select t.*
from int_remittance_transactions t
where exists (select 1 from cfg_quality_reviews where is_excluded and dataset = 'remittance_transactions')
  and t.provider_id || '/' || t.txn_id in (
    select record from cfg_quality_reviews where is_excluded and dataset = 'remittance_transactions');

delete from fct_remittance_transactions
where exists (select 1 from int_quality_excluded_transactions)
  and provider_id || '/' || txn_id in (select provider_id || '/' || txn_id from int_quality_excluded_transactions);
