-- The units of study ?1, trained group first, then by label.
SELECT label, arm FROM impact_units WHERE study_id = ?1 ORDER BY arm DESC, label
