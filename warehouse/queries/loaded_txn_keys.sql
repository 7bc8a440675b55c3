-- Keys of the transactions already in the lake, from every delivered file but the one being loaded
-- (a file delivered again replaces its own earlier load). Parameter 1: the unit of load (file name,
-- made safe for paths exactly as the lake names its files).
select provider_id, txn_id, source_file
from {{lake:remittance_transactions}}
where regexp_replace(source_file, '[^A-Za-z0-9._-]', '_', 'g') <> ?;
