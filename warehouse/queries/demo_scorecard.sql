-- The coherence scorecard of Koshi Province (NP-P1) and its units in 2024, best first within each parent
select unit_code, level, score, rank_in_parent, components, coverage_pct, flags
from coherence_scorecard
where period = '2024' and unit_code in (select unit_code from dim_unit_ancestors where ancestor_code = 'NP-P1')
order by level, rank_in_parent, unit_code;
