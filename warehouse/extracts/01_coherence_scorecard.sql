-- name: coherence_scorecard
-- description: The coherence scorecard of the region's units for the year: score, rank among siblings, flags and the reason for each.
-- key: unit_code, period
-- period: year
-- withheld: score, reasons
-- param: region  the recipient's region (level 1)
-- param: year    the year of the extract's period
select unit_code, level, period, score, rank_in_parent, flags, reasons, components, coverage_pct, cast(null as varchar) as suppressed
from coherence_scorecard
where unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = :region) and period = :year
order by level, unit_code;
