-- The years the overview's panels hold, newest first: the period selector's choices, the first the default.
-- The inner query is panel_years.sql once per panel with headline numbers or a ranking, joined by union.
select distinct year
from ({{panels}}) y
where year similar to '[0-9]{4}'
order by year desc
