-- Removes a unit of a study and its values.
DELETE FROM impact_units WHERE study_id = ?1 AND label = ?2
