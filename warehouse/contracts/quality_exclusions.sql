-- Contract of quality_exclusions (one row per rejected and excluded flag): every check lists the rows that break it.
-- check: flag_id is never null and unique
select flag_id, count(*) from quality_exclusions group by all having count(*) > 1 or flag_id is null;
-- check: the dataset is project_funding or remittance_transactions, the record names its keys, and the reason is given
select * from quality_exclusions
where dataset is null or dataset not in ('project_funding', 'remittance_transactions')
   or record is null or not contains(record, '/') or amount is null or reason is null;
-- check: a transaction's unit_code is a unit of admin_units; an entry's, where there is one, a unit or a recipient country's ISO code
select flag_id, dataset, record, unit_code from quality_exclusions
where (dataset = 'remittance_transactions' and (unit_code is null or unit_code not in (select unit_code from admin_units)))
   or (unit_code is not null and unit_code not in (select unit_code from admin_units) and not regexp_full_match(unit_code, '[A-Z]{2}'));
-- check: an excluded record is left out of its view: no excluded funding entry in project_funding, no excluded transaction in remittance_transactions
select q.flag_id, q.dataset, q.record from quality_exclusions q
join project_funding f on q.dataset = 'project_funding' and q.record = f.project_id || '/' || f.entry_id
union all
select q.flag_id, q.dataset, q.record from quality_exclusions q
join remittance_transactions t on q.dataset = 'remittance_transactions' and q.record = t.provider_id || '/' || t.txn_id;
