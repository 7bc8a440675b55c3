-- 72_quality_flags, model 4 of 6 (one model per file, run in the order of build/BUILD; the header of
-- 72_quality_flags/01_int_quality_candidates.sql is the whole step's).

-- view: quality_exclusions — funding entries and remittance transactions a steward rejected and excluded from the coherence views (reviews.yml)
-- | flag_id: the flag reviewed
-- | dataset: `project_funding` or `remittance_transactions`
-- | record: `project_id/entry_id`, or `provider_id/txn_id`
-- | unit_code: the entry's own unit (null when the project's places split it), or the transaction's receiving unit
-- | period: the entry's or the transaction's month
-- | amount: the amount in its currency
-- | currency: ISO 4217
-- | amount_usd: its USD value, left out of every total and coherence view
-- | reason: the steward's reason
create view quality_exclusions as
select r.flag_id, 'project_funding' as dataset, e.project_id || '/' || e.entry_id as record, e.unit_code, e.period,
       e.amount, e.currency, e.amount_usd, r.reason
from int_quality_excluded_entries e
join cfg_quality_reviews r on r.record = e.project_id || '/' || e.entry_id and r.is_excluded and r.dataset = 'project_funding'
union all
select r.flag_id, 'remittance_transactions', t.provider_id || '/' || t.txn_id, t.receiving_unit_code, t.period,
       t.amount, t.currency, t.amount_usd, r.reason
from int_quality_excluded_transactions t
join cfg_quality_reviews r on r.record = t.provider_id || '/' || t.txn_id and r.is_excluded and r.dataset = 'remittance_transactions';
