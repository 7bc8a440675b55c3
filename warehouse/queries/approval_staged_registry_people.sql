-- As approval_staged_remittance_transactions.sql, for registry records.
select distinct home_unit_code as unit_code, cast(date_trunc('month', record_on) as date) as month, source_id
from read_parquet([{{files}}])
where home_unit_code is not null and record_on is not null
order by all
