-- The keys of the rows a load had staged before it was cut short, in line order, so that a restart's
-- duplicate check knows them ({{files}}: the staged Parquet files the last checkpoint finished).
select provider_id, txn_id, source_line
from read_parquet([{{files}}])
order by source_line
