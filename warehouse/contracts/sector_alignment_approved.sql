-- Contract of sector_alignment_approved: every check lists the rows that break it.
-- check: unit_code and fiscal_year are never null, and unique together
select unit_code, fiscal_year, count(*) from sector_alignment_approved group by all
having count(*) > 1 or unit_code is null or fiscal_year is null;
-- check: every row is approved or accepted
select unit_code, fiscal_year, approval_status from sector_alignment_approved where approval_status not in ('approved', 'accepted') or approval_status is null;
-- check: every row is the same row of sector_alignment
select unit_code, fiscal_year from sector_alignment_approved v
where not exists (select 1 from sector_alignment b where b.unit_code = v.unit_code and b.fiscal_year = v.fiscal_year and b.approval_status = v.approval_status);
