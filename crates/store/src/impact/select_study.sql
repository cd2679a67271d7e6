SELECT id, course_id, name, unit_kind, baseline_start, baseline_end, post_start, post_end,
       programme_cost, monetised_benefit, created_at, updated_at
FROM impact_studies
