-- Contract of corridor_aggregates (a central bank's figure per month or year, sending country and unit): every check lists the rows that break it.
-- check: period, sender_country, receiving_unit_code and reporter are never null, and unique together
select period, sender_country, receiving_unit_code, reporter, count(*) from corridor_aggregates group by all
having count(*) > 1 or period is null or sender_country is null or receiving_unit_code is null or reporter is null;
-- check: receiving_unit_code is a unit of admin_units, or for an annual estimate a receiving country's ISO code
select period, sender_country, receiving_unit_code, reporter from corridor_aggregates
where receiving_unit_code not in (select unit_code from admin_units)
  and not (length(period) = 4 and regexp_full_match(receiving_unit_code, '[A-Z]{2}'));
-- check: period is a month (YYYY-MM) or a year (YYYY); amount_usd and txn_count are never negative
select * from corridor_aggregates
where not regexp_full_match(period, '[0-9]{4}(-(0[1-9]|1[0-2]))?') or amount_usd is null or amount_usd < 0 or txn_count < 0;
