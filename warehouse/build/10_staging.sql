-- Staging: the lake's datasets as they are, read once per build. Temporary: the published
-- file keeps only the tables built from them, so it opens anywhere, with no path to the lake.
-- (level_name and local_level came with the gazetteer's level names: a lake written before has neither column.)
create temp view stg_admin_units as
select * from {{lake:admin_units}}
union all by name
select cast(null as varchar) as level_name, cast(null as integer) as local_level
where false;

create temp view stg_fx_rates as
select * from {{lake:fx_rates}};

create temp view stg_remittance_transactions as
select * from {{lake:remittance_transactions}};

create temp view stg_corridor_aggregates as
select * from {{lake:corridor_aggregates}};

create temp view stg_corridor_costs as
select * from {{lake:corridor_costs}};
