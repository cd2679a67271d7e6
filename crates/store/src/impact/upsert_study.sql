INSERT INTO impact_studies (id, course_id, name, unit_kind, baseline_start, baseline_end, post_start, post_end,
                            programme_cost, monetised_benefit, created_at, updated_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
ON CONFLICT (id) DO UPDATE SET
    name = excluded.name,
    unit_kind = excluded.unit_kind,
    baseline_start = excluded.baseline_start,
    baseline_end = excluded.baseline_end,
    post_start = excluded.post_start,
    post_end = excluded.post_end,
    programme_cost = excluded.programme_cost,
    monetised_benefit = excluded.monetised_benefit,
    updated_at = excluded.updated_at
