-- A dataset nobody loaded yet, as lake_dataset.sql would read it: no rows, every column of its schema, read from
-- the empty schema file in _meta/<dataset>/ ({{file}}; {{options}} as there).
(select * from read_parquet('{{file}}'{{options}}))
