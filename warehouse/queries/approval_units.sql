-- The admin units an approval tree is built from: each unit's current name, level and parent.
select unit_code, arg_max(name, valid_from) as name, arg_max(level, valid_from) as level, arg_max(parent_code, valid_from) as parent_code
from dim_admin_units
group by unit_code
order by unit_code;
