-- Contract of returnees (one row per person): every check lists the rows that break it.
-- check: person_id is never null and unique
select person_id, count(*) from returnees group by all having count(*) > 1 or person_id is null;
