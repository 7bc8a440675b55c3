-- Contract of unit_successors (one row per old unit and successor): every check lists the rows that break it.
-- check: old_code and new_code are never null, and unique together
select old_code, new_code, count(*) from unit_successors group by all having count(*) > 1 or old_code is null or new_code is null;
