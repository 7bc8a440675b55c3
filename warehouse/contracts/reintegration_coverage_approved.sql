-- Contract of reintegration_coverage_approved: every check lists the rows that break it.
-- check: unit_code, period and sex are never null, and unique together
select unit_code, period, sex, count(*) from reintegration_coverage_approved group by all
having count(*) > 1 or unit_code is null or period is null or sex is null;
-- check: every row is approved or accepted
select unit_code, period, sex, approval_status from reintegration_coverage_approved where approval_status not in ('approved', 'accepted') or approval_status is null;
-- check: every row is the same row of reintegration_coverage
select unit_code, period, sex from reintegration_coverage_approved v
where not exists (select 1 from reintegration_coverage b where b.unit_code = v.unit_code and b.period = v.period and b.sex = v.sex and b.approval_status = v.approval_status);
