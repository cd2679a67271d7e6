INSERT INTO impact_units (study_id, label, arm) VALUES (?1, ?2, ?3)
ON CONFLICT (study_id, label) DO UPDATE SET arm = excluded.arm
