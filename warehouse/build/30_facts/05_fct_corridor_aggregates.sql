-- 30_facts, model 5 of 14 (one model per file, run in the order of build/BUILD; the header of
-- 30_facts/01_fct_remittance_transactions.sql is the whole step's).

create table fct_corridor_aggregates as
select period, sender_country, receiving_unit_code, amount_usd, txn_count, reporter, source_id, source_file, source_line
from stg_corridor_aggregates;
