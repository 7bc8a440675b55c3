-- The periods a panel has rows for, newest first.
select distinct cast({{period}} as varchar) as period
from {{source}} p
where {{period}} is not null
order by 1 desc
