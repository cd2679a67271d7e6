INSERT INTO impact_observations (study_id, unit, metric_id, period, value, source, recorded_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (study_id, unit, metric_id, period) DO UPDATE SET
    value = excluded.value,
    source = excluded.source,
    recorded_at = excluded.recorded_at
