-- The units that hold data of a workflow's loads between two days (?: comma-separated jobs, sources or '' for
-- every source, first day, last day), with the first month they hold it in.
select unit_code, min(month) as first_month
from int_approval_data
where list_contains(string_split(?, ','), job)
  and (? = '' or list_contains(string_split(lower(?), ','), lower(source_id)))
  and month between cast(? as date) and cast(? as date)
group by unit_code
order by unit_code;
