-- Removes a metric of a study and its values.
DELETE FROM impact_metrics WHERE study_id = ?1 AND id = ?2
