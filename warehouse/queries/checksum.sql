-- A fingerprint of all transactions in the warehouse: rows, distinct keys, and a checksum over every row's
-- content, independent of row order. Two loads of the same files must give the same three numbers.
select count(*) as row_count,
       count(distinct provider_id || '/' || txn_id) as distinct_txns,
       sum(hash(txn_id, provider_id, sent_at, amount, fee, currency, receiving_unit_code, channel, amount_usd)) as checksum
from remittance_transactions
