-- Contract of admin_unit_history (the gazetteer with its history, one row per code and validity): every check lists the rows that break it.
-- check: unit_code and valid_from are never null, and unique together
select unit_code, valid_from, count(*) from admin_unit_history group by all
having count(*) > 1 or unit_code is null or valid_from is null;
-- check: every row is the same unit and validity in admin_units, with the same name, level, parent and end, and the other way round
select coalesce(h.unit_code, u.unit_code) as unit_code, coalesce(h.valid_from, u.valid_from) as valid_from,
       h.unit_code is not null as in_history, u.unit_code is not null as in_admin_units
from admin_unit_history h
full join admin_units u on u.unit_code = h.unit_code and u.valid_from = h.valid_from
where h.unit_code is null or u.unit_code is null
   or h.name is distinct from u.name or h.level is distinct from u.level or h.parent_code is distinct from u.parent_code
   or h.country is distinct from u.country or h.valid_to is distinct from u.valid_to;
-- check: a unit ends no earlier than it starts, and only a unit that ended has successors
select unit_code, valid_from, valid_to, successors from admin_unit_history
where valid_to < valid_from or (successors is not null and valid_to is null);
-- check: the successors' shares are above 0 and add up to at most 1, as unit_successors lists them
select h.unit_code, h.valid_to, h.successors, count(s.new_code) as listed, sum(s.share) as shares
from admin_unit_history h
left join unit_successors s on s.old_code = h.unit_code and s.ended_on = h.valid_to
where h.successors is not null
group by all
having count(s.new_code) <> len(string_split(h.successors, ';')) or sum(s.share) > 1.0001 or min(s.share) <= 0;
