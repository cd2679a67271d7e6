-- How many values a study holds.
SELECT count(*) FROM impact_observations WHERE study_id = ?1
