-- The units one level below a unit, each with its own row of a panel in the period, in the order of a rank column
-- of that row (1 first); units without a rank after, those without a row (has_row false) among them. The columns and
-- the rank are names from dashboards/*.yml (checked against the catalogue). Values: unit, the source's own, period, period.
with named_units as (
    select unit_code, name, parent_code
    from admin_units
    qualify row_number() over (partition by unit_code order by valid_from desc) = 1
),
children as (
    select unit_code, name
    from named_units
    where parent_code = cast(? as varchar)
),
figures as (
    select {{unit}} as unit_code, {{columns}}
    from {{source}} p
    where {{unit}} in (select unit_code from children)
      and (cast(? as varchar) is null or cast({{period}} as varchar) like cast(? as varchar) || '%')
),
final as (
    select c.unit_code, c.name, f.unit_code is not null as has_row, {{figures}}
    from children c
    left join figures f on f.unit_code = c.unit_code
)
select * from final
order by {{by}} nulls last, unit_code
