-- Approval: the state of every unit and period as the job repository holds it (mizan approve; a CSV snapshot
-- read through {{approvals}}), the approval_status column it adds to each coherence view, and the *_approved
-- views that hold only approved figures. Layered over the views of the earlier files: each is renamed to
-- int_<view>_all and defined again with its approval status.

-- The workflows (rows without a unit) and the states, as last approved.
create table int_approval_snapshot as
select workflow, period_type, nullif(unit_code, '') as unit_code, nullif(period, '') as period, nullif(state, '') as state
from {{approvals}};

-- Who holds data of which load, source, partition and month: the units an approval must wait for, and the
-- units a reload would change.
create table int_approval_data as
with facts as (
    -- the transactions by file, unit and month (30_facts/11): on_date their month
    select 'ingest-remittances' as job, source_id, source_file, period as partition_period, receiving_unit_code as unit_code, month as on_date
    from int_remittance_sources
    union all
    select 'ingest-remittances', source_id, source_file, period, receiving_unit_code,
           -- a monthly aggregate's month; an annual one (period YYYY, e.g. a bilateral estimate matrix) counts from its January
           cast(case when length(period) = 4 then period || '-01-01' else period || '-01' end as date)
    from fct_corridor_aggregates
    union all
    select 'ingest-registries', source_id, source_file, period, home_unit_code, record_on
    from fct_registry_people
    union all
    select 'ingest-registries', source_id, source_file, period, unit_code, delivered_on
    from fct_service_deliveries
    union all
    select 'ingest-ledgers', source_id, source_file, period, unit_code, entry_on
    from fct_funding_entries
),
final as (
    select distinct job, source_id, source_file, partition_period, unit_code, cast(date_trunc('month', on_date) as date) as month
    from facts
    where unit_code is not null and on_date is not null
)
select * from final;

-- The status of every unit for every period a coherence view has (a month, a quarter, a year or a fiscal year
-- 2024/25, read as its first year): the least advanced state over every workflow and every approval period of
-- the workflow that overlaps it, where a unit has the most advanced state of itself and its ancestors (a region's
-- approval covers its districts). No state recorded is `unapproved`.
create table int_approval_status as
with row_periods as (
    select distinct period from (
        select period from remittance_inflows
        union all select period from remittance_investment_match
        union all select fiscal_year from sector_alignment
        union all select period from programme_complementarity
        union all select period from reintegration_coverage
        union all select period from matching_leverage
        union all select period from level_reconciliation
        union all select period from coherence_scorecard
    ) where period is not null
),
spans as (
    select period,
           case when regexp_full_match(period, '\d{4}-Q[1-4]') then make_date(cast(left(period, 4) as integer), (cast(right(period, 1) as integer) - 1) * 3 + 1, 1)
                when regexp_full_match(period, '\d{4}-\d{2}') then make_date(cast(left(period, 4) as integer), cast(substr(period, 6, 2) as integer), 1)
                else make_date(cast(left(period, 4) as integer), 1, 1) end as first_day,
           case when regexp_full_match(period, '\d{4}-Q[1-4]') then 3 when regexp_full_match(period, '\d{4}-\d{2}') then 1 else 12 end as months
    from row_periods
),
months as (
    select period, cast(unnest(generate_series(first_day, first_day + to_months(months - 1), interval 1 month)) as date) as month
    from spans
),
workflows as (
    select distinct workflow, period_type from int_approval_snapshot
),
approval_periods as (
    select distinct m.period, w.workflow,
           case w.period_type when 'year' then strftime(m.month, '%Y')
                              when 'quarter' then strftime(m.month, '%Y') || '-Q' || quarter(m.month)
                              else strftime(m.month, '%Y-%m') end as approval_period
    from months m
    cross join workflows w
),
units as (
    select distinct unit_code from dim_admin_units
),
-- an approval covers the unit and every unit below it (approving a unit needs every unit below it approved)
covered as (
    select u.unit_code, p.period, p.workflow, p.approval_period,
           max(case s.state when 'accepted' then 2 when 'approved' then 1 else 0 end) as rank
    from units u
    cross join approval_periods p
    left join dim_unit_ancestors a on a.unit_code = u.unit_code
    left join int_approval_snapshot s on s.workflow = p.workflow and s.unit_code = a.ancestor_code and s.period = p.approval_period
    group by u.unit_code, p.period, p.workflow, p.approval_period
),
ranked as (
    select unit_code, period, min(rank) as rank
    from covered
    group by unit_code, period
),
final as (
    select unit_code, period, case rank when 2 then 'accepted' when 1 then 'approved' else 'unapproved' end as approval_status
    from ranked
)
select * from final;

alter view remittance_inflows rename to int_remittance_inflows_all;
alter view remittance_investment_match rename to int_remittance_investment_match_all;
alter view sector_alignment rename to int_sector_alignment_all;
alter view programme_complementarity rename to int_programme_complementarity_all;
alter view reintegration_coverage rename to int_reintegration_coverage_all;
alter view matching_leverage rename to int_matching_leverage_all;
alter view level_reconciliation rename to int_level_reconciliation_all;
alter view coherence_scorecard rename to int_coherence_scorecard_all;

-- view: remittance_inflows — with the approval of the row's unit and period
-- | approval_status: `accepted`, `approved` (the unit's figure for the period is signed off in every approval workflow of config/approvals.yml; accepted when also accepted above) or `unapproved` (provisional)
create view remittance_inflows as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_remittance_inflows_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: remittance_investment_match — with the approval of the row's unit and period
-- | approval_status: as in `remittance_inflows`
create view remittance_investment_match as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_remittance_investment_match_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: sector_alignment — with the approval of the row's unit and fiscal year
-- | approval_status: as in `remittance_inflows` (a fiscal year 2024/25 is read as 2024)
create view sector_alignment as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_sector_alignment_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.fiscal_year;

-- view: programme_complementarity — with the approval of the row's unit and period
-- | approval_status: as in `remittance_inflows`
create view programme_complementarity as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_programme_complementarity_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: reintegration_coverage — with the approval of the row's unit and period
-- | approval_status: as in `remittance_inflows`
create view reintegration_coverage as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_reintegration_coverage_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: matching_leverage — with the approval of the row's unit and period
-- | approval_status: as in `remittance_inflows`
create view matching_leverage as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_matching_leverage_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: level_reconciliation — with the approval of the row's unit and period
-- | approval_status: as in `remittance_inflows`
create view level_reconciliation as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_level_reconciliation_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: coherence_scorecard — with the approval of the row's unit and period
-- | approval_status: as in `remittance_inflows`
create view coherence_scorecard as
select v.*, coalesce(a.approval_status, 'unapproved') as approval_status
from int_coherence_scorecard_all v
left join int_approval_status a on a.unit_code = v.unit_code and a.period = v.period;

-- view: remittance_inflows_approved — the rows of `remittance_inflows` whose unit and period are approved or accepted: the final figures
-- | columns as in remittance_inflows
create view remittance_inflows_approved as
select * from remittance_inflows where approval_status in ('approved', 'accepted');

-- view: remittance_investment_match_approved — the approved rows of `remittance_investment_match`
-- | columns as in remittance_investment_match
create view remittance_investment_match_approved as
select * from remittance_investment_match where approval_status in ('approved', 'accepted');

-- view: sector_alignment_approved — the approved rows of `sector_alignment`
-- | columns as in sector_alignment
create view sector_alignment_approved as
select * from sector_alignment where approval_status in ('approved', 'accepted');

-- view: programme_complementarity_approved — the approved rows of `programme_complementarity`
-- | columns as in programme_complementarity
create view programme_complementarity_approved as
select * from programme_complementarity where approval_status in ('approved', 'accepted');

-- view: reintegration_coverage_approved — the approved rows of `reintegration_coverage`
-- | columns as in reintegration_coverage
create view reintegration_coverage_approved as
select * from reintegration_coverage where approval_status in ('approved', 'accepted');

-- view: matching_leverage_approved — the approved rows of `matching_leverage`
-- | columns as in matching_leverage
create view matching_leverage_approved as
select * from matching_leverage where approval_status in ('approved', 'accepted');

-- view: level_reconciliation_approved — the approved rows of `level_reconciliation`
-- | columns as in level_reconciliation
create view level_reconciliation_approved as
select * from level_reconciliation where approval_status in ('approved', 'accepted');

-- view: coherence_scorecard_approved — the approved rows of `coherence_scorecard`
-- | columns as in coherence_scorecard
create view coherence_scorecard_approved as
select * from coherence_scorecard where approval_status in ('approved', 'accepted');
