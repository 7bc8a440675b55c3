-- Contract of code_lists (one row per list and code): every check lists the rows that break it.
-- check: code_list and code are never null, and unique together
select code_list, code, count(*) from code_lists group by all having count(*) > 1 or code_list is null or code is null;
-- check: a code is active or withdrawn
select code_list, code, status from code_lists where status is null or status not in ('active', 'withdrawn');
