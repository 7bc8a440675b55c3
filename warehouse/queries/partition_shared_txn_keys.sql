-- The rows of a partitioned load whose key (provider_id, txn_id) more than one of its partitions staged: each
-- partition checked duplicates within its own lines only, so the manager keeps the first of these rows (in file
-- order, then line) and rejects the others as one node reading the files in turn would ({{files}}: the staged
-- Parquet files of every partition).
select provider_id, txn_id, source_line, filename
from read_parquet([{{files}}], filename = true)
qualify count(*) over (partition by provider_id, txn_id) > 1
order by filename, source_line;
