-- Writes one survey answer, replacing an earlier answer of the same respondent to the same item.
INSERT INTO survey_responses (course_id, survey_id, respondent, item_id, rating, answer_text, submitted_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)
ON CONFLICT (course_id, survey_id, respondent, item_id) DO UPDATE SET
    rating = excluded.rating, answer_text = excluded.answer_text, submitted_at = excluded.submitted_at
