-- Contract of service_deliveries (one row per accepted service): every check lists the rows that break it.
-- check: source_id and service_id are never null, and unique together (the registry's id of the service)
select source_id, service_id, count(*) from service_deliveries group by all
having count(*) > 1 or source_id is null or service_id is null;
-- check: unit_code is a unit of admin_units
select service_id, source_id, unit_code from service_deliveries
where unit_code is null or unit_code not in (select unit_code from admin_units);
-- check: person_id is a pseudonym (64 hex digits), never a name or a number in clear
select service_id, source_id from service_deliveries where person_id is null or not regexp_full_match(person_id, '[0-9a-f]{64}');
-- check: an amount is positive with its currency; amount_usd is there only with an amount, and equals it in US dollars
select service_id, source_id, amount, currency, amount_usd from service_deliveries
where amount <= 0 or (amount is not null and currency is null) or (amount is null and amount_usd is not null)
   or (currency = 'USD' and amount_usd is distinct from amount) or amount_usd < 0;
