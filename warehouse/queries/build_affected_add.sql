-- The projects of the files a load added join the ones it touched (LakeIndex), once the index holds those files.
insert into build_affected_projects
select distinct project_id from mizan_build_file_projects where (dataset, path) in (select (dataset, path) from build_lake_added)
except select project_id from build_affected_projects;
