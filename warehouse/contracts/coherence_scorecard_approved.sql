-- Contract of coherence_scorecard_approved: every check lists the rows that break it.
-- check: unit_code and period are never null, and unique together
select unit_code, period, count(*) from coherence_scorecard_approved group by all
having count(*) > 1 or unit_code is null or period is null;
-- check: every row is approved or accepted
select unit_code, period, approval_status from coherence_scorecard_approved where approval_status not in ('approved', 'accepted') or approval_status is null;
-- check: every row is the same row of coherence_scorecard
select unit_code, period from coherence_scorecard_approved v
where not exists (select 1 from coherence_scorecard b where b.unit_code = v.unit_code and b.period = v.period and b.approval_status = v.approval_status);
