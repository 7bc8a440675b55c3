-- Contract of rollup_gaps in an update by period (a load of remittances, which changes the transactions of the
-- months {{months}} only; every other build runs ../rollup_gaps.sql as it is). This check replaces the one of the same
-- name there, and the others run as written there: the transactions without a rate are compared with the listing
-- month by month (int_remittance_unconverted, which the view sums), for those months only, instead of every
-- transaction with the whole listing.
-- check: the transactions without a rate are the rows of remittance_transactions without amount_usd, with their sum
select coalesce(g.currency, t.currency) as currency, g.entries as listed_entries, t.entries as rows_without_usd,
       g.amount as listed_amount, t.amount as amount_without_usd
from (select currency, sum(entries)::bigint as entries, sum(amount) as amount from int_remittance_unconverted
      where period in ({{months}}) group by all) g
full join (select currency, count(*) as entries, sum(amount) as amount from remittance_transactions
           where period in ({{months}}) and amount_usd is null group by all) t on t.currency = g.currency
where g.entries is distinct from t.entries or g.amount is distinct from t.amount;
