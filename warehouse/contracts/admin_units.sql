-- Contract of admin_units (the gazetteer): every check lists the rows that break it.
-- check: unit_code is never null and unique
select unit_code, count(*) from admin_units group by all having count(*) > 1 or unit_code is null;
-- check: a parent_code is a unit of admin_units
select u.unit_code, u.parent_code from admin_units u
where u.parent_code is not null and u.parent_code not in (select unit_code from admin_units);
