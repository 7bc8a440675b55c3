-- The reasons of one scorecard row of an extract (parameters: unit, period).
select reasons from x_coherence_scorecard where unit_code = ? and period = ?;
