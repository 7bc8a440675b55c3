-- The lake's files a build finds added or taken away since the build it starts from (LakeIndex): a file rewritten
-- in place (another size or time) is both. The projects of the files taken away are read from the index before
-- their rows go; the added files' projects are read from the files (build_lake_file_projects.sql).
create or replace temp table build_lake_added as
select dataset, path from (select * from build_lake_files except select * from mizan_build_files);
create or replace temp table build_lake_removed as
select dataset, path from (select * from mizan_build_files except select * from build_lake_files);
create or replace temp table build_affected_projects as
select distinct project_id from mizan_build_file_projects where (dataset, path) in (select (dataset, path) from build_lake_removed);
delete from mizan_build_file_projects where (dataset, path) in (select (dataset, path) from build_lake_removed);
delete from mizan_build_files;
insert into mizan_build_files select * from build_lake_files;
