-- Contract of remittance_inflows: every check lists the rows that break it.
-- check: unit_code and period are never null, and unique together
select unit_code, period, count(*) from remittance_inflows group by all having count(*) > 1 or unit_code is null or period is null;
-- check: unit_code is a unit of admin_units
select unit_code, period from remittance_inflows where unit_code not in (select unit_code from admin_units);
