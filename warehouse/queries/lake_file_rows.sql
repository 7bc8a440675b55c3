-- Rows in each Parquet file of one lake dataset, for `mizan status` (parameter 1: the dataset's glob).
-- A file's path names its partition and unit: <dataset>/period=…/source=…/<unit>[~part].parquet.
select filename, count(*) as row_count
from read_parquet(?, filename = true, union_by_name = true)
group by filename;
