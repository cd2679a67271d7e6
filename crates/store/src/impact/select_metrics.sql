-- The metrics of study ?1 in display order.
SELECT id, name, unit, direction, aggregation, template_id, position
FROM impact_metrics WHERE study_id = ?1 ORDER BY position, id
