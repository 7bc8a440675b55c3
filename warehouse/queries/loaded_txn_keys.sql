-- Keys of the transactions already in the lake, from every delivered file but the one being loaded
-- (a file delivered again replaces its own earlier load). A load is told by its lake file's name, the unit of
-- load (the file's name and the hash of its path, Lake.unitOf), not by the file name kept in the rows: two
-- files of one name in two folders are two loads. Parameter 1: the dataset's glob; 2: the unit of load.
select provider_id, txn_id, source_file
from read_parquet(?, union_by_name = true, filename = true)
where regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) <> ?
  and regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) <> '_schema';
