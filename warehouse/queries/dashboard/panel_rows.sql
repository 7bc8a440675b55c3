-- A dashboard panel's rows. {{...}} are identifiers from dashboards/*.yml, checked against the catalogue before
-- they get here; every value is a bound parameter (?): the panel's source's own values first (a named query's),
-- then unit, unit, scope, scope, period, period, level, level. A NULL value switches its filter off.
select {{columns}}
from {{source}} p
where (cast(? as varchar) is null or {{unit}} in (select unit_code from dim_unit_ancestors where ancestor_code = cast(? as varchar)))
  and (cast(? as varchar) is null or {{unit}} in (select unit_code from dim_unit_ancestors where ancestor_code = cast(? as varchar)))
  and (cast(? as varchar) is null or cast({{period}} as varchar) like cast(? as varchar) || '%')
  and (cast(? as integer) is null or {{unit}} in (select unit_code from admin_units where level = cast(? as integer)))
order by {{order}}
limit {{limit}}
