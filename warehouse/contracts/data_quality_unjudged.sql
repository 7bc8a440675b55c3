-- Contract of data_quality_unjudged (one row per group a statistical check could not judge): every check lists the rows that break it.
-- check: check_name, dataset, measure and unit_code are never null, and with period unique together
select check_name, unit_code, period, count(*) from data_quality_unjudged group by all
having count(*) > 1 or check_name is null or dataset is null or measure is null or unit_code is null;
-- check: a group is unjudged because it had fewer values than the check needs (and at least one)
select * from data_quality_unjudged where points is null or needed is null or points < 1 or points >= needed;
-- check: the reason names the group's kind and its counts
select * from data_quality_unjudged
where reason <> case when period is null then 'not enough history' else 'not enough siblings' end
                 || ': ' || points || ' of the ' || needed || ' values needed';
