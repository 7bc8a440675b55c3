-- 1 when the unit is the region or lies below it, else 0: a regional user's pages stop at its region's edge.
select count(*) as n
from dim_unit_ancestors
where unit_code = cast(? as varchar) and ancestor_code = cast(? as varchar)
