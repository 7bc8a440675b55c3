-- Transactions of a load about to be published that another load committed while this one ran
-- ({{staged}}: this load's staged files; {{loaded}}: the files those other loads committed).
select count(*) as overlapping, min(s.source_line) as first_line, min(l.source_file) as other_file
from read_parquet([{{staged}}]) s
join read_parquet([{{loaded}}]) l using (provider_id, txn_id)
