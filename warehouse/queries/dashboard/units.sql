-- Every unit code of the gazetteer, top level first (the static folder writes a page for each).
select unit_code
from admin_units
group by unit_code
order by min(level), unit_code
