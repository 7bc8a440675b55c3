-- name: sector_alignment
-- description: The sector mix of local projects against the national plan, per unit and fiscal year.
-- key: unit_code, fiscal_year
-- period: year
-- param: region  the recipient's region (level 1)
-- param: year    the year of the extract's period
select unit_code, level, fiscal_year, alignment_score, top_local_sector, top_national_sector, status, coverage_pct
from sector_alignment
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and fiscal_year = :year
order by level, unit_code;
