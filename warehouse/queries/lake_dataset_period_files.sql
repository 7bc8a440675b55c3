-- How an update by period reads one dataset of the lake (Warehouse, LakeIndex): only the files of the months the
-- load touched ({{files}}: each file holds the rows of its folder's month only); otherwise as lake_dataset.sql.
(select * exclude (source) from read_parquet([{{files}}], union_by_name = true, hive_partitioning = true,
    hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'}{{options}}))
