-- Every answer to course ?1's surveys, by survey, item and respondent.
SELECT survey_id, respondent, item_id, rating, answer_text, submitted_at
FROM survey_responses WHERE course_id = ?1 ORDER BY survey_id, item_id, respondent
