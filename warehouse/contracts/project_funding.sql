-- Contract of project_funding: every check lists the rows that break it.
-- check: project_id and entry_id are never null, and with unit_code and sector_code unique together (the row's key)
select project_id, entry_id, unit_code, sector_code, count(*) from project_funding group by all
having count(*) > 1 or project_id is null or entry_id is null;
-- check: project_id is a project of projects
select project_id, entry_id from project_funding where project_id not in (select project_id from projects);
-- check: a unit_code, where there is one, is a unit of admin_units or a recipient country's ISO code (an IATI
-- activity's recipient countries are kept as level-0 units, whether or not a gazetteer of that country is loaded)
select project_id, entry_id, unit_code from project_funding
where unit_code is not null and unit_code not in (select unit_code from admin_units)
  and not regexp_full_match(unit_code, '[A-Z]{2}');
-- check: amount_usd = amount / fx_rate, rounded to 4 places, where there is a rate
select project_id, entry_id, amount, fx_rate, amount_usd from project_funding
where fx_rate is not null and abs(amount_usd - amount / fx_rate) > 0.0001;
