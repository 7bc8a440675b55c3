-- Keys of one provider's transactions already in the lake (LoadedKeys, read the first time a load meets the
-- provider), from every delivered file but the one being loaded (a file delivered again replaces its own earlier
-- load). A load is told by its lake file's name, the unit of load (the file's name and the hash of its path,
-- Lake.unitOf), not by the file name kept in the rows: two files of one name in two folders are two loads.
-- One row per delivered file: its keys joined by line breaks (a backslash or line break in a txn_id written \\ or
-- \n), with their count. Fetched row by row over JDBC, 300,000 keys took 4.2 s on a loaded machine; as one string
-- per file, 0.7 s (bench/README.md, "Many loads into one home").
-- Parameter 1: the dataset's glob; 2: the provider_id; 3: the unit of load.
select source_file, count(*) as keys,
       string_agg(replace(replace(txn_id, '\', '\\'), chr(10), '\n'), chr(10)) as txn_ids
from read_parquet(?, union_by_name = true, filename = true)
where provider_id = ?
  and regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) <> ?
  and regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) <> '_schema'
group by source_file;
