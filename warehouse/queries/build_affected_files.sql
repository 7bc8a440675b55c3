-- The files of one dataset (?) that hold rows of a project the load touched: all an update by project reads of it.
select distinct path from mizan_build_file_projects
where dataset = ? and project_id in (select project_id from build_affected_projects)
order by path
