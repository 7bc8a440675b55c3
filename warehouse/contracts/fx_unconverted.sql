-- Contract of fx_unconverted (one row per amount kept without a USD value): every check lists the rows that break it.
-- check: dataset, item_id and detail are never null, and unique together
select dataset, item_id, detail, count(*) from fx_unconverted group by all
having count(*) > 1 or dataset is null or item_id is null or detail is null;
-- check: the dataset is project_funding or plan_allocations, the amount has a currency other than US dollars
select * from fx_unconverted
where dataset not in ('project_funding', 'plan_allocations') or currency is null or currency = 'USD' or amount is null
   or rate_wanted_on is null;
-- check: every funding entry without a USD value is listed, and every listed one has none
select coalesce(f.project_id, u.item_id) as project_id, coalesce(f.entry_id, u.detail) as entry_id,
       f.project_id is not null as unconverted_in_project_funding, u.item_id is not null as listed
from (select distinct project_id, entry_id from project_funding where amount_usd is null) f
full join (select item_id, detail from fx_unconverted where dataset = 'project_funding') u
  on u.item_id = f.project_id and u.detail = f.entry_id
where f.project_id is null or u.item_id is null;
-- check: every plan allocation without a USD value is listed, with its amount, and every listed one has none
select coalesce(p.plan_id, u.item_id) as plan_id, coalesce(p.detail, u.detail) as detail, p.planned_amount, u.amount
from (select plan_id, fiscal_year || ' ' || unit_code || ' ' || sector_code as detail, planned_amount, currency
      from plan_allocations where planned_usd is null) p
full join (select item_id, detail, amount, currency from fx_unconverted where dataset = 'plan_allocations') u
  on u.item_id = p.plan_id and u.detail = p.detail
where p.plan_id is null or u.item_id is null or p.planned_amount <> u.amount or p.currency <> u.currency;
