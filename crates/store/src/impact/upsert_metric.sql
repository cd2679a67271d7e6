INSERT INTO impact_metrics (study_id, id, name, unit, direction, aggregation, template_id, position)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)
ON CONFLICT (study_id, id) DO UPDATE SET
    name = excluded.name,
    unit = excluded.unit,
    direction = excluded.direction,
    aggregation = excluded.aggregation,
    template_id = excluded.template_id,
    position = excluded.position
