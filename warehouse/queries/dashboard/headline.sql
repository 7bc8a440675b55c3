-- A panel's headline numbers for a unit (for no unit: the countries, level 0, together) in a period.
-- Values: the source's own, then unit, unit, period, period.
select {{sums}}
from {{source}} p
where ((cast(? as varchar) is null and {{unit}} in (select unit_code from admin_units where level = 0))
       or {{unit}} = cast(? as varchar))
  and (cast(? as varchar) is null or cast({{period}} as varchar) like cast(? as varchar) || '%')
