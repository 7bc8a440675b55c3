-- Dimensions: admin units (one row per code and validity), the unit hierarchy as an ancestor
-- closure, and one FX rate per currency and day.

create table dim_admin_units as
with ranked as (
    select *,
           row_number() over (partition by unit_code, valid_from order by source_file desc, source_line) as rn
    from stg_admin_units
),
final as (
    select unit_code, name, level, parent_code, country, valid_from, valid_to, level_name, local_level,
           source_id, source_file, source_line
    from ranked
    where rn = 1
)
select * from final;

-- The levels of each country's gazetteer (docs/formats.md, "Level names and the local level"): per country and
-- level, the name the gazetteer declared (the file's level_name, else its mapping's levels:; the name most of the
-- level's current units carry, ties alphabetically), else the default; and the country's local level: the one its
-- gazetteer's mapping declared (local_level:), else 3, the municipality (or the deepest level when the gazetteer
-- stops above it).
create table dim_admin_levels as
with current_units as (
    select unit_code, level, country, level_name, local_level
    from dim_admin_units
    qualify row_number() over (partition by unit_code order by valid_from desc) = 1
),
names as (
    select country, level, level_name, count(*) as n
    from current_units
    where level_name is not null
    group by all
),
levels as (
    select country, level, count(*) as units
    from current_units
    group by all
),
locals as (
    select country, coalesce(max(local_level), least(3, max(level))) as local_level
    from current_units
    group by all
),
final as (
    select l.country, l.level,
           coalesce(first(n.level_name order by n.n desc, n.level_name),
                    case l.level when 0 then 'country' when 1 then 'region' when 2 then 'district'
                                 when 3 then 'municipality' when 4 then 'ward' else 'level ' || l.level end) as level_name,
           count(n.level_name) > 0 as is_declared,
           l.level = any_value(c.local_level) as is_local_level,
           any_value(l.units) as units
    from levels l
    join locals c on c.country = l.country
    left join names n on n.country = l.country and n.level = l.level
    group by l.country, l.level
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
