-- Remittance inflows at country and region level, per month (USD)
select unit_code, level, period, amount_usd, txn_count
from remittance_inflows
where level <= 1
order by period, unit_code
