-- The units one level below a unit (below nothing: the regions, level 1), each with the sum of a panel's measures
-- in the period, ranked by one of them. Values: unit, unit, then the source's own, then period, period.
with named_units as (
    select unit_code, name, level, parent_code
    from admin_units
    qualify row_number() over (partition by unit_code order by valid_from desc) = 1
),
children as (
    select unit_code, name, level
    from named_units
    where (cast(? as varchar) is null and level = 1) or parent_code = cast(? as varchar)
),
figures as (
    select {{unit}} as unit_code, {{sums}}
    from {{source}} p
    where {{unit}} in (select unit_code from children)
      and (cast(? as varchar) is null or cast({{period}} as varchar) like cast(? as varchar) || '%')
    group by 1
),
final as (
    select c.unit_code, c.name, c.level, {{figures}}
    from children c
    left join figures f on f.unit_code = c.unit_code
)
select * from final
order by {{rank}} desc nulls last, unit_code
