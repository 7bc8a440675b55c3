-- The years one panel has rows for (its period's first four characters); years.sql joins one per panel.
select distinct substr(cast({{period}} as varchar), 1, 4) as year
from {{source}} p
where {{period}} is not null
