-- As approval_staged_remittance_transactions.sql, for corridor aggregates (an annual period YYYY counts from January).
-- The period is in the staged files' folder names (period=…), as in the lake.
select distinct receiving_unit_code as unit_code,
       cast(case when length(period) = 4 then period || '-01-01' else period || '-01' end as date) as month, source_id
from read_parquet([{{files}}], hive_partitioning = true, hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'})
where receiving_unit_code is not null and period is not null
order by all
