-- As approval_staged_remittance_transactions.sql, for services delivered.
select distinct unit_code, cast(date_trunc('month', delivered_on) as date) as month, source_id
from read_parquet([{{files}}])
where unit_code is not null and delivered_on is not null
order by all
