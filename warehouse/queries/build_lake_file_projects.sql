-- The projects of some files of one dataset ({{dataset}}), into the index (LakeIndex): {{files}} the files' paths,
-- {{prefix}} the lake's folder as the paths begin with it (taken off: the index keeps paths under the lake).
insert into mizan_build_file_projects
select distinct '{{dataset}}', substr(filename, {{prefix}}), project_id
from read_parquet([{{files}}], union_by_name = true, filename = true);
