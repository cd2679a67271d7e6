SELECT profile_id, course_id, question_id, card, due_at, last_reviewed_at
FROM review_cards
