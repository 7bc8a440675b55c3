-- 30_facts, model 12 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

-- Which delivered file holds transactions of which receiving unit and month, per lake partition: what the approvals
-- (75_approvals.sql, int_approval_data) read instead of every transaction.
-- incremental: by period
create table int_remittance_sources as
select distinct source_id, source_file, period, receiving_unit_code, cast(date_trunc('month', sent_on) as date) as month
from fct_remittance_transactions;
