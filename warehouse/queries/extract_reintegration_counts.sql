-- The person counts of an extract's reintegration_coverage, for disclosure control.
select unit_code, period, sex, returnees, returnees_served
from x_reintegration_coverage
order by period, unit_code, sex;
