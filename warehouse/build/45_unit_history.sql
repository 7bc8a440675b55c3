-- The admin hierarchy over time: every unit's validity, its names in local scripts, and what became of a unit
-- that was merged or split (its successors, with the share of it each took). Facts keep the code they were
-- reported under; unit_crosswalk(date) maps every code onto the units of that date's boundaries.

-- Lakes loaded before aliases and successors existed have no such columns: union by name gives them as null.
create temp view stg_admin_units_history as
select * from (select null::varchar as unit_code, null::varchar as aliases, null::varchar as successors where false)
union all by name
select * from stg_admin_units;

create table dim_unit_history as
with final as (
    select unit_code, name, aliases, level, parent_code, country, valid_from, valid_to, successors
    from stg_admin_units_history
    qualify row_number() over (partition by unit_code, valid_from order by source_file desc, source_line) = 1
)
select * from final;

-- One row per old unit and successor: the share of the old unit the successor took; ended_on is the old unit's
-- last valid day.
create table dim_unit_successors as
with items as (
    select unit_code as old_code, valid_to as ended_on, unnest(string_split(successors, ';')) as item
    from dim_unit_history
    where successors is not null and valid_to is not null
),
final as (
    select old_code, split_part(item, ':', 1) as new_code,
           cast(coalesce(nullif(split_part(item, ':', 2), ''), '1') as decimal(12, 6)) as share,
           ended_on
    from items
)
select * from final;

-- Every unit code onto the boundaries of on_date: a unit that ended before on_date goes to its successors (and
-- theirs, for a unit merged twice), weighted by the shares; any other code, to itself with share 1. A unit that
-- did not exist yet on on_date stays itself: a merged unit cannot be split back without more figures.
create macro unit_crosswalk(on_date) as table
with recursive walk(from_code, to_code, share, depth) as (
    select unit_code, unit_code, 1.0::decimal(18, 6), 0
    from (select distinct unit_code from dim_unit_history)
    union all
    select w.from_code, s.new_code, (w.share * s.share)::decimal(18, 6), w.depth + 1
    from walk w
    join dim_unit_successors s on s.old_code = w.to_code
    where s.ended_on < on_date and w.depth < 10
)
select from_code, to_code, sum(share)::decimal(18, 6) as share
from walk w
where not exists (select 1 from dim_unit_successors s where s.old_code = w.to_code and s.ended_on < on_date)
group by from_code, to_code;

-- Public views.

-- view: admin_unit_history — the gazetteer with its history: every code with its validity, aliases and successors
-- | unit_code: as in `admin_units`
-- | name: as in `admin_units`
-- | aliases: other names, in local scripts too (`თელავი|Телави`), separated by `|`; place names in feeds resolve through them as through `name`
-- | level: as in `admin_units`
-- | parent_code: as in `admin_units`
-- | country: as in `admin_units`
-- | valid_from: as in `admin_units`
-- | valid_to: as in `admin_units`
-- | successors: for a merged or split unit, `CODE:share;…` (the share of the old unit each successor took)
create view admin_unit_history as
select unit_code, name, aliases, level, parent_code, country, valid_from, valid_to, successors
from dim_unit_history;

-- view: unit_successors — one row per old unit and successor
-- | old_code: the unit that was merged or split
-- | new_code: a unit that took (part of) it over
-- | share: the share of the old unit the successor took (1 when the gazetteer gives none)
-- | ended_on: the old unit's last valid day
create view unit_successors as
select old_code, new_code, share, ended_on
from dim_unit_successors;
