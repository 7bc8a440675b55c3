-- Contract of coherence_scorecard: every check lists the rows that break it (none may).
-- check: unit_code and period are never null, and unique together
select unit_code, period, count(*) from coherence_scorecard group by all having count(*) > 1 or unit_code is null or period is null;
-- check: the score is in [0, 100], and a unit with a score has a rank
select * from coherence_scorecard where score not between 0 and 100 or (score is null) <> (rank_in_parent is null);
-- check: in every parent and year, the best unit ranks 1
select u.parent_code, s.period from coherence_scorecard s join admin_units u on u.unit_code = s.unit_code and u.valid_to is null
where s.score is not null group by all having min(s.rank_in_parent) <> 1;
-- check: every flag has one reason, which names the view and the numbers behind it
select * from coherence_scorecard
where coalesce(len(string_split(flags, ', ')), 0) <> len(regexp_extract_all(coalesce(reasons, ''),
      '(?:^|; )(remittance_investment_match|sector_alignment|reintegration_coverage|matching_leverage|remittance_cost|level_reconciliation|data_quality_flags): '))
   or (reasons is not null and not regexp_matches(reasons, '[0-9]'));
-- check: an own score rests on at least 2 components (the minimum), and coverage_pct is a share
select * from coherence_scorecard where (own_score is null) <> (components < 2) or coverage_pct not between 0 and 100;
-- check: a score is the unit's own score, or the mean of the scores of its units one level down (rounded to 0.1)
select p.unit_code, p.period, p.score, p.basis from coherence_scorecard p
-- (the mean rounded half up, exactly, as the build does: avg() of decimals is an inexact double in DuckDB 2.0)
left join (select u.parent_code, c.period,
                  (((20 * sum(c.score))::hugeint + count(c.score)) // (2 * nullif(count(c.score), 0)) / 10)::decimal(5, 1) as mean_score,
                  count(c.score) as scored
           from coherence_scorecard c join admin_units u on u.unit_code = c.unit_code and u.valid_to is null
           group by all) k on k.parent_code = p.unit_code and k.period = p.period
where p.score is distinct from case when coalesce(k.scored, 0) > 0 then k.mean_score else p.own_score end;
-- check: excluded_records counts what a steward excluded in and below the unit (0 when nothing), with its USD value
select * from coherence_scorecard where excluded_records is null or excluded_records < 0 or excluded_usd is null or (excluded_records = 0 and excluded_usd <> 0);
