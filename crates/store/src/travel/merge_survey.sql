-- Takes in a survey answer; the first answer to an item stays.
INSERT INTO survey_responses (course_id, survey_id, respondent, item_id, rating, answer_text, submitted_at)
VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) ON CONFLICT DO NOTHING
