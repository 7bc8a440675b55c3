-- Project ledgers: IATI activities and local-authority ledgers (projects, sectors, places, funding entries),
-- national plan allocations and IATI code lists. Staging views only rename; the USD conversion uses the
-- same rate table as the remittances (dim_fx_rates): the rate of the value date, or the nearest earlier one.
-- A row's load_unit is its unit of load, the delivered file it came from (the lake file's name without part number
-- and extension: the file's name and the hash of the path the steward gave, Lake.unitOf). Rows of one file are
-- told by it, never by source_file (the base name): p1/activities.xml and p2/activities.xml are two files.
-- A file marked "-- incremental: by project_id" (03 to 10) makes tables whose rows each follow from the rows of one
-- project_id alone: a load of ledgers updates them for the projects it touched only, and these views then read only
-- the lake files holding those projects, and only those projects' rows (warehouse/README.md, BuildPlan.byProject).

create temp view stg_projects as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:projects:filename}};

create temp view stg_project_sectors as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:project_sectors:filename}};

create temp view stg_project_places as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:project_places:filename}};

create temp view stg_funding_entries as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:funding_entries:filename}};

create temp view stg_plan_allocations as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:plan_allocations:filename}};

create temp view stg_code_list_items as
select * exclude (filename), regexp_extract(filename, '([^/]+?)(~[0-9]+)?\.parquet$', 1) as load_unit from {{lake:code_list_items:filename}};
