-- Contract of rollup_gaps in an update by period (a load of remittances, which changes the transactions of the
-- months {{months}} only; every other build runs ../rollup_gaps.sql): the same checks, with the same names; the
-- transactions without a rate are compared with the listing month by month (int_remittance_unconverted, which the
-- view sums), for those months only, instead of every transaction with the whole listing.
-- check: dataset, gap and currency are never null, and unique together
select dataset, gap, currency, count(*) from rollup_gaps group by all
having count(*) > 1 or dataset is null or gap is null or currency is null;
-- check: the gap is one the view names for its dataset, and counts at least one row
select * from rollup_gaps
where (dataset, gap) not in (('project_funding', 'no_fx_rate'), ('project_funding', 'no_gazetteer_unit'), ('remittance_transactions', 'no_fx_rate'))
   or entries is null or entries < 1;
-- check: the transactions without a rate are the rows of remittance_transactions without amount_usd, with their sum
select coalesce(g.currency, t.currency) as currency, g.entries as listed_entries, t.entries as rows_without_usd,
       g.amount as listed_amount, t.amount as amount_without_usd
from (select currency, sum(entries)::bigint as entries, sum(amount) as amount from int_remittance_unconverted
      where period in ({{months}}) group by all) g
full join (select currency, count(*) as entries, sum(amount) as amount from remittance_transactions
           where period in ({{months}}) and amount_usd is null group by all) t on t.currency = g.currency
where g.entries is distinct from t.entries or g.amount is distinct from t.amount;
-- check: the funding parts without a rate are the rows of project_funding without amount_usd, with their sum
select coalesce(g.currency, f.currency) as currency, g.entries as listed_entries, f.entries as parts_without_usd,
       g.amount as listed_amount, f.amount as amount_without_usd
from (select currency, entries, amount from rollup_gaps where dataset = 'project_funding' and gap = 'no_fx_rate') g
full join (select currency, count(*) as entries, sum(amount) as amount from project_funding
           where amount_usd is null group by all) f on f.currency = g.currency
where g.entries is distinct from f.entries or g.amount is distinct from f.amount;
