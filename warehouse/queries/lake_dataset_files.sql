-- How an update by project reads one dataset of the lake (Warehouse, LakeIndex): only the files that hold rows of
-- the projects the load touched ({{files}}), and of them only those projects' rows; otherwise as lake_dataset.sql.
(select * exclude (source) from read_parquet([{{files}}], union_by_name = true, hive_partitioning = true,
    hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'}{{options}})
 where project_id in (select project_id from build_affected_projects))
