-- Contract of programme_complementarity_approved: every check lists the rows that break it.
-- check: unit_code, sector_code and period are never null, and unique together
select unit_code, sector_code, period, count(*) from programme_complementarity_approved group by all
having count(*) > 1 or unit_code is null or sector_code is null or period is null;
-- check: every row is approved or accepted
select unit_code, sector_code, period, approval_status from programme_complementarity_approved where approval_status not in ('approved', 'accepted') or approval_status is null;
-- check: every row is the same row of programme_complementarity
select unit_code, sector_code, period from programme_complementarity_approved v
where not exists (select 1 from programme_complementarity b where b.unit_code = v.unit_code and b.sector_code = v.sector_code and b.period = v.period and b.approval_status = v.approval_status);
