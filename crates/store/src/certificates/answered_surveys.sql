-- Every (respondent, survey) of course ?1 that has a response.
SELECT DISTINCT respondent, survey_id FROM survey_responses WHERE course_id = ?1
