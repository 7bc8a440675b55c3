-- Contract of level_reconciliation_approved: every check lists the rows that break it.
-- check: indicator, unit_code and period are never null, and unique together
select indicator, unit_code, period, count(*) from level_reconciliation_approved group by all
having count(*) > 1 or indicator is null or unit_code is null or period is null;
-- check: every row is approved or accepted
select indicator, unit_code, period, approval_status from level_reconciliation_approved where approval_status not in ('approved', 'accepted') or approval_status is null;
-- check: every row is the same row of level_reconciliation
select indicator, unit_code, period from level_reconciliation_approved v
where not exists (select 1 from level_reconciliation b where b.indicator = v.indicator and b.unit_code = v.unit_code and b.period = v.period and b.approval_status = v.approval_status);
