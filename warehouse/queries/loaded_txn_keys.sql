-- Keys of one provider's transactions already in the lake (LoadedKeys, read the first time a load meets the
-- provider), from every delivered file but the one being loaded (a file delivered again replaces its own earlier
-- load). A load is told by its lake file's name, the unit of load (the file's name and the hash of its path,
-- Lake.unitOf), not by the file name kept in the rows: two files of one name in two folders are two loads.
-- Parameter 1: the dataset's glob; 2: the provider_id; 3: the unit of load.
select txn_id, source_file
from read_parquet(?, union_by_name = true, filename = true)
where provider_id = ?
  and regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) <> ?
  and regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) <> '_schema';
