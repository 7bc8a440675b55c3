-- Contract of admin_levels: every check lists the rows that break it (none may).
-- check: country and level are never null, and unique together; every level has a name
select country, level, count(*) from admin_levels group by all
having count(*) > 1 or country is null or level is null or bool_or(level_name is null or level_name = '');
-- check: every country has exactly one local level, and it is one of its levels
select country from admin_levels group by country having count(*) filter (where is_local_level) <> 1;
-- check: every level of a current unit has its row, with the count of the level's current units
with current_units as (
    select unit_code, country, level from admin_units qualify row_number() over (partition by unit_code order by valid_from desc) = 1
)
select coalesce(u.country, l.country), coalesce(u.level, l.level), u.n, l.units
from (select country, level, count(*) as n from current_units group by all) u
full join admin_levels l on l.country = u.country and l.level = u.level
where u.n is distinct from l.units;
