INSERT INTO review_cards (profile_id, course_id, question_id, card, due_at, last_reviewed_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6)
ON CONFLICT (profile_id, course_id, question_id) DO UPDATE SET
    card = excluded.card,
    due_at = excluded.due_at,
    last_reviewed_at = excluded.last_reviewed_at
