-- Contract of reintegration_coverage (built by the registries, rolled into the scorecard): every check lists the rows that break it.
-- check: unit_code, period and sex are never null, and unique together
select unit_code, period, sex, count(*) from reintegration_coverage group by all
having count(*) > 1 or unit_code is null or period is null or sex is null;
-- check: no more served than returned, and coverage_pct = 100 * returnees_served / returnees to one decimal
-- (rounded as the model rounds it: a tolerance of 0.05 on doubles refused 17 of 80, 21.25 shown as 21.3)
select * from reintegration_coverage
where returnees_served > returnees or returnees <= 0
   or coverage_pct <> round(100.0 * returnees_served / returnees, 1)::decimal(5, 1);
-- check: the row for both sexes is the sum of the rows per sex
select a.unit_code, a.period, a.returnees, sum(s.returnees)
from reintegration_coverage a
join reintegration_coverage s on s.unit_code = a.unit_code and s.period = a.period and s.sex <> 'all'
where a.sex = 'all'
group by all
having a.returnees <> sum(s.returnees);
