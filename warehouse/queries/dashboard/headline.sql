-- A panel's headline numbers for one unit in a period. The figures (select list) are aggregates the dashboard builds from the
-- names in dashboards/*.yml (checked against the catalogue before they get here): per number its matching rows
-- (n_i), its value (v_i) and the view's status (s_i). Every value is bound (?): each number's own (its filters,
-- the values it counts) first, then the source's own (a named query's), then rows, unit, rows, unit, period, period.
-- rows 'unit': the unit's own rows (views with a row per unit at every level); 'below': it and every unit below it.
select {{figures}}
from {{source}} p
where ((cast(? as varchar) = 'unit' and {{unit}} = cast(? as varchar))
       or (cast(? as varchar) = 'below' and {{unit}} in (select unit_code from dim_unit_ancestors where ancestor_code = cast(? as varchar))))
  and (cast(? as varchar) is null or cast({{period}} as varchar) like cast(? as varchar) || '%')
