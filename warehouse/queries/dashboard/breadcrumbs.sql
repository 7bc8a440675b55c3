-- A unit and each unit above it, top down, with names and their level's name (the latest validity row names a unit).
with named_units as (
    select unit_code, name, country
    from admin_units
    qualify row_number() over (partition by unit_code order by valid_from desc) = 1
)
select a.ancestor_code as unit_code, n.name, a.ancestor_level as level, l.level_name
from dim_unit_ancestors a
join named_units n on n.unit_code = a.ancestor_code
left join admin_levels l on l.country = n.country and l.level = a.ancestor_level
where a.unit_code = cast(? as varchar)
order by a.ancestor_level
