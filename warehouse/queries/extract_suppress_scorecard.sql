-- Disclosure control in an extract: a scorecard row whose reintegration component rests on suppressed counts loses
-- its score (the counts could be worked back from it and the other views' components) and the counts in its
-- reason. Parameters: the reasons without counts, then the row's key.
update x_coherence_scorecard
set score = null,
    reasons = ?,
    suppressed = 'score'
where unit_code = ? and period = ?;
