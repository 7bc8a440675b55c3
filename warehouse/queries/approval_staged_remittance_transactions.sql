-- The units and months a load's staged rows hold, before they reach the lake ({{files}}: its staged Parquet files),
-- so that a file never delivered before is checked against the approvals as a file delivered again is.
select distinct receiving_unit_code as unit_code, cast(date_trunc('month', sent_on) as date) as month, source_id
from read_parquet([{{files}}])
where receiving_unit_code is not null and sent_on is not null
order by all
