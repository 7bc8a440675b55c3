-- Contract of programme_complementarity: every check lists the rows that break it (none may).
-- check: unit_code, sector_code and period are never null, and unique together
select unit_code, sector_code, period, count(*) from programme_complementarity group by all
having count(*) > 1 or unit_code is null or sector_code is null or period is null;
-- check: the category follows from the presences
select * from programme_complementarity
where category not in ('complementary', 'duplication_risk', 'local_only', 'national_only', 'gap')
   or (category in ('complementary', 'duplication_risk')) <> (national_present and local_present)
   or (category = 'local_only') <> (local_present and not national_present)
   or (category = 'national_only') <> (national_present and not local_present)
   or (category = 'gap') <> (not national_present and not local_present);
-- check: a gap is a municipality (a unit of its country's local level)
select p.* from programme_complementarity p
join admin_units u on u.unit_code = p.unit_code and u.valid_to is null
join admin_levels l on l.country = u.country and l.is_local_level
where p.category = 'gap' and p.level <> l.level;
