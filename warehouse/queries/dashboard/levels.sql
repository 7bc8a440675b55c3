-- The levels of the gazetteer, top first, with how many units each has: the panel pages' level selector.
select level, count(distinct unit_code) as units
from admin_units
group by level
order by level
