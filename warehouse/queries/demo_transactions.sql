-- A few transactions with their USD amount, the rate used and the cost of sending
select txn_id, provider_id, sent_at, receiving_unit_code, amount, currency, fee, cost_pct, amount_usd, fx_rate, fx_rate_date
from remittance_transactions
order by sent_at
limit 8
