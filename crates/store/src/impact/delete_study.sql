-- Deletes a study with its metrics, units and values.
DELETE FROM impact_studies WHERE id = ?1
