-- `mizan status` and the run summary: loaded values left out of the roll-ups (no gazetteer unit, no FX rate).
select dataset, gap, currency, entries, amount
from rollup_gaps
order by dataset, gap, currency;
