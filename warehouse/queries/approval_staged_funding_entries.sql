-- As approval_staged_remittance_transactions.sql, for funding entries that name their own unit.
select distinct unit_code, cast(date_trunc('month', entry_on) as date) as month, source_id
from read_parquet([{{files}}])
where unit_code is not null and entry_on is not null
order by all
