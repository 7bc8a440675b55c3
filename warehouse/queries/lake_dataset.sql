-- How the build reads one dataset of the lake ({{lake:dataset}} in a build file): its folder as a Hive-partitioned
-- table, as any engine reads it. The period comes from the folder names, typed (never guessed: 2024 is text, as
-- 2024-03 is); source=…, which names the rows' own source_id, is left out. {{glob}}: <dataset>/**/*.parquet;
-- {{options}}: more read_parquet options (", filename = true" for {{lake:dataset:filename}}).
(select * exclude (source) from read_parquet('{{glob}}', union_by_name = true, hive_partitioning = true,
    hive_types = {'period': 'VARCHAR', 'source': 'VARCHAR'}{{options}}))
