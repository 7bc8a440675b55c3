-- The region's units (itself and every unit below it) with their parents, for disclosure control's hierarchy.
select u.unit_code, u.parent_code, u.level
from admin_units u
where u.valid_to is null
  and u.unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = ?)
order by u.level, u.unit_code;
