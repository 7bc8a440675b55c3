-- Contract of admin_units (the gazetteer, one row per code and validity): every check lists the rows that break it.
-- check: unit_code and valid_from are never null, and unique together
select unit_code, valid_from, count(*) from admin_units group by all having count(*) > 1 or unit_code is null or valid_from is null;
-- check: a parent_code is a unit of admin_units
select u.unit_code, u.parent_code from admin_units u
where u.parent_code is not null and u.parent_code not in (select unit_code from admin_units);
