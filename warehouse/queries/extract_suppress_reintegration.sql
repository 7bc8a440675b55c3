-- Disclosure control in an extract: a reintegration_coverage row with a suppressed count loses that count and the
-- coverage computed from it, and names what was suppressed. Parameters: returnees suppressed, served suppressed
-- (booleans), the marker text, then the row's key.
update x_reintegration_coverage
set returnees = case when ? then null else returnees end,
    returnees_served = case when ? then null else returnees_served end,
    coverage_pct = null,
    suppressed = ?
where unit_code = ? and period = ? and sex = ?;
