-- Contract of remittance_transactions: every check lists the rows that break it.
-- check: provider_id and txn_id are never null, and unique together
select provider_id, txn_id, count(*) from remittance_transactions group by all
having count(*) > 1 or provider_id is null or txn_id is null;
-- check: receiving_unit_code is a unit of admin_units
select txn_id, provider_id, receiving_unit_code from remittance_transactions
where receiving_unit_code is null or receiving_unit_code not in (select unit_code from admin_units);
-- check: amount_usd = amount / fx_rate, rounded to 4 places; null only without a rate
select txn_id, provider_id, amount, fx_rate, amount_usd from remittance_transactions
where (fx_rate is null) <> (amount_usd is null) or abs(amount_usd - amount / fx_rate) > 0.0001;
