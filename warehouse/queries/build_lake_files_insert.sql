-- One data file of the lake as this build finds it (LakeIndex): dataset, path under the lake, size, time (ms).
insert into build_lake_files values (?, ?, ?, ?)
