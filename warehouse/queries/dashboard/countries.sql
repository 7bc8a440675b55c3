-- The countries (level 0) with their names: the national overview has a section for each.
select unit_code, name
from admin_units
where level = 0
qualify row_number() over (partition by unit_code order by valid_from desc) = 1
order by unit_code
