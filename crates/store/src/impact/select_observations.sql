SELECT o.unit, u.arm, o.metric_id, o.period, o.value, o.source, o.recorded_at
FROM impact_observations o
JOIN impact_units u ON u.study_id = o.study_id AND u.label = o.unit
JOIN impact_metrics m ON m.study_id = o.study_id AND m.id = o.metric_id
WHERE o.study_id = ?1
ORDER BY m.position, o.unit, o.period DESC
