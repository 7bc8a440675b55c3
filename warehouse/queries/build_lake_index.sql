-- What the lake held when a build read it, kept in the build for the next one (Warehouse, LakeIndex): every data
-- file of every dataset (its path under the lake, size and time: the same as the datasets' fingerprints in
-- mizan_build_inputs), and, for the datasets whose rows name a project, which projects each file has rows of. An
-- incremental build compares the lake with mizan_build_files to find the files a load added or took away, reads
-- the projects they touch from mizan_build_file_projects, and updates the tables marked
-- "-- incremental: by project_id" for those projects only, reading only the files that hold them.
create table if not exists mizan_build_files (dataset varchar, path varchar, size bigint, modified bigint);
create table if not exists mizan_build_file_projects (dataset varchar, path varchar, project_id varchar);
create or replace temp table build_lake_files (dataset varchar, path varchar, size bigint, modified bigint);
