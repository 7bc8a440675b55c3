-- Contract of sector_alignment: every check lists the rows that break it (none may).
-- check: unit_code and fiscal_year are never null, and unique together
select unit_code, fiscal_year, count(*) from sector_alignment group by all having count(*) > 1 or unit_code is null or fiscal_year is null;
-- check: every unit is in admin_units at the level given
select s.unit_code from sector_alignment s left join admin_units u on u.unit_code = s.unit_code and u.level = s.level where u.unit_code is null;
-- check: the score is in [0, 1], and present exactly when both sides have money
select * from sector_alignment
where alignment_score not between 0 and 1
   or (alignment_score is null) <> (status = 'not_reported')
   or (status = 'reported') <> (top_local_sector is not null and top_national_sector is not null);
-- check: excluded_records counts what a steward excluded in and below the unit (0 when nothing), with its USD value
select * from sector_alignment where excluded_records is null or excluded_records < 0 or excluded_usd is null or (excluded_records = 0 and excluded_usd <> 0);
