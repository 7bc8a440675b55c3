-- Contract of project_places (where an IATI activity's money goes): every check lists the rows that break it.
-- check: project_id and place_kind are never null (a publisher may list one country or region twice in an activity;
-- the view keeps each listing with its own share, so a place is not a key)
select project_id, place_kind, unit_code, region_code from project_places where project_id is null or place_kind is null;
-- check: project_id is a project of projects
select project_id from project_places where project_id not in (select project_id from projects);
-- check: a unit or a country has a unit_code and no region, a region has a region code and no unit
select * from project_places
where place_kind not in ('unit', 'country', 'region')
   or (place_kind in ('unit', 'country')) <> (unit_code is not null and region_code is null)
   or (place_kind = 'region') <> (region_code is not null and unit_code is null);
-- check: a unit is a unit of admin_units (a country is kept as its publisher wrote it)
select project_id, place_kind, unit_code from project_places
where place_kind = 'unit' and unit_code not in (select unit_code from admin_units);
-- check: a unit is its project's only place, with 100 %; every share is a percentage
select project_id, count(*) as places, bool_or(place_kind = 'unit') as has_unit, min(share_pct) as min_share_pct, max(share_pct) as max_share_pct
from project_places group by project_id
having (bool_or(place_kind = 'unit') and (count(*) <> 1 or min(share_pct) <> 100))
    or min(share_pct) < 0 or max(share_pct) > 100 or count(share_pct) <> count(*);
