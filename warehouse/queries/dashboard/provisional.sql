-- A tile's approval mark: of the rows its headline numbers rest on (rows 'unit': the unit's own; 'below': it and
-- every unit below it) in the period, how many are not approved (approval_status `unapproved`: provisional).
-- Only for a source with an approval_status column. Bound: the source's own values, then rows, unit, rows, unit,
-- period, period.
select count(*) filter (where p.approval_status not in ('approved', 'accepted')) as provisional_rows,
       count(*) as all_rows
from {{source}} p
where ((cast(? as varchar) = 'unit' and {{unit}} = cast(? as varchar))
       or (cast(? as varchar) = 'below' and {{unit}} in (select unit_code from dim_unit_ancestors where ancestor_code = cast(? as varchar))))
  and (cast(? as varchar) is null or cast({{period}} as varchar) like cast(? as varchar) || '%')
