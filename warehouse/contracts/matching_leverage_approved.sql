-- Contract of matching_leverage_approved: every check lists the rows that break it.
-- check: unit_code, period and scheme are never null, and unique together
select unit_code, period, scheme, count(*) from matching_leverage_approved group by all
having count(*) > 1 or unit_code is null or period is null or scheme is null;
-- check: every row is approved or accepted
select unit_code, period, scheme, approval_status from matching_leverage_approved where approval_status not in ('approved', 'accepted') or approval_status is null;
-- check: every row is the same row of matching_leverage
select unit_code, period, scheme from matching_leverage_approved v
where not exists (select 1 from matching_leverage b where b.unit_code = v.unit_code and b.period = v.period and b.scheme = v.scheme and b.approval_status = v.approval_status);
