-- Contract of registry_duplicates (one row per person registered more than once in a registry): every check lists the rows that break it.
-- check: person_id and registry are never null, and unique together
select person_id, registry, count(*) from registry_duplicates group by all
having count(*) > 1 or person_id is null or registry is null;
-- check: the registry is migrant or returnee; a duplicate has at least 2 records, the first no later than the last
select * from registry_duplicates
where registry not in ('migrant', 'returnee') or records < 2 or first_record_on > last_record_on or source_ids is null;
-- check: a returnee registered twice is counted once in returnees
select d.person_id, count(r.person_id) as in_returnees from registry_duplicates d
left join returnees r on r.person_id = d.person_id
where d.registry = 'returnee'
group by all
having count(r.person_id) <> 1;
