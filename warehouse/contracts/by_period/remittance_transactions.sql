-- Contract of remittance_transactions in an update by period (a load of remittances: only the transactions of the lake
-- partitions it touched changed, {{partitions}}, period/source as the folders name them, of the months {{months}};
-- every other build runs ../remittance_transactions.sql). Each check replaces the one of the same name there: the rows
-- of those months are checked in full, and the keys of those partitions against every row of the table, semi-joined to
-- fct_remittance_transactions (a probe, not a group-by of every key; the partitions' few providers and ids bound the
-- scan of the table, where a month's every provider would not).
-- The rows of the other months were checked by the build they came from, and nothing they depend on (the gazetteer,
-- the FX rates) changed, or the build would not be one by period.
-- check: provider_id and txn_id are never null, and unique together
with touched as (
    select provider_id, txn_id from remittance_transactions
    where period in ({{months}})
      and period || '/' || regexp_replace(source_id, '[^A-Za-z0-9._-]', '_', 'g') in ({{partitions}})
)
select provider_id, txn_id, count(*) from touched where provider_id is null or txn_id is null group by all
union all
select f.provider_id, f.txn_id, count(*) from fct_remittance_transactions f
semi join touched t on t.provider_id = f.provider_id and t.txn_id = f.txn_id
group by all having count(*) > 1;
-- check: receiving_unit_code is a unit of admin_units
select txn_id, provider_id, receiving_unit_code from remittance_transactions
where period in ({{months}})
  and (receiving_unit_code is null or receiving_unit_code not in (select unit_code from admin_units));
-- check: amount_usd = amount / fx_rate, rounded to 4 places; null only without a rate
select txn_id, provider_id, amount, fx_rate, amount_usd from remittance_transactions
where period in ({{months}})
  and ((fx_rate is null) <> (amount_usd is null) or abs(amount_usd - amount / fx_rate) > 0.0001);
