-- Dimensions: admin units (one row per code and validity), the unit hierarchy as an ancestor
-- closure, and one FX rate per currency and day.

create table dim_admin_units as
with ranked as (
    select *,
           row_number() over (partition by unit_code, valid_from order by source_file desc, source_line) as rn
    from stg_admin_units
),
final as (
    select unit_code, name, level, parent_code, country, valid_from, valid_to, source_id, source_file, source_line
    from ranked
    where rn = 1
)
select * from final;

-- Every unit with itself and each of its ancestors (the latest validity row decides a unit's parent).
create table dim_unit_ancestors as
with recursive current_parent as (
    select unit_code, parent_code, level
    from dim_admin_units
    qualify row_number() over (partition by unit_code order by valid_from desc) = 1
),
walk(unit_code, ancestor_code, depth) as (
    select unit_code, unit_code, 0 from current_parent
    union all
    select w.unit_code, p.parent_code, w.depth + 1
    from walk w
    join current_parent p on p.unit_code = w.ancestor_code
    where p.parent_code is not null and w.depth < 64
),
final as (
    select w.unit_code, w.ancestor_code, a.level as ancestor_level
    from walk w
    join current_parent a on a.unit_code = w.ancestor_code
)
select * from final;

-- When two sources give a rate for the same currency and day, the alphabetically first source wins
-- (fx_source says which one was used).
create table dim_fx_rates as
with final as (
    select currency, rate_date, per_usd, source_id as fx_source
    from stg_fx_rates
    qualify row_number() over (partition by currency, rate_date order by source_id, source_file, source_line) = 1
)
select * from final;
