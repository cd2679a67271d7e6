-- One text format for every stored instant (issue #32): UTC, RFC 3339 with
-- milliseconds and `Z`, e.g. 2026-03-02T23:30:00.000Z. It sorts as text in
-- time order, which queries comparing or ordering these columns rely on.
-- Older versions wrote some columns with nanoseconds and `+00:00`, others to
-- the second; SQLite's strftime reads every RFC 3339 form and writes this one
-- (fractions rounded to the millisecond). A value that is not a time at all is
-- left as it is. Submitted versions are otherwise never updated (their
-- trigger refuses it); the trigger is set aside for this one rewrite.
DROP TRIGGER IF EXISTS submission_versions_immutable;
UPDATE admin_log SET at = strftime('%Y-%m-%dT%H:%M:%fZ', at) WHERE at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', at) IS NOT NULL AND at <> strftime('%Y-%m-%dT%H:%M:%fZ', at);
UPDATE attachment_blobs SET stored_at = strftime('%Y-%m-%dT%H:%M:%fZ', stored_at) WHERE stored_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', stored_at) IS NOT NULL AND stored_at <> strftime('%Y-%m-%dT%H:%M:%fZ', stored_at);
UPDATE attempt_answers SET saved_at = strftime('%Y-%m-%dT%H:%M:%fZ', saved_at) WHERE saved_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', saved_at) IS NOT NULL AND saved_at <> strftime('%Y-%m-%dT%H:%M:%fZ', saved_at);
UPDATE attempt_answers SET graded_at = strftime('%Y-%m-%dT%H:%M:%fZ', graded_at) WHERE graded_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', graded_at) IS NOT NULL AND graded_at <> strftime('%Y-%m-%dT%H:%M:%fZ', graded_at);
UPDATE attempt_answers SET checked_at = strftime('%Y-%m-%dT%H:%M:%fZ', checked_at) WHERE checked_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', checked_at) IS NOT NULL AND checked_at <> strftime('%Y-%m-%dT%H:%M:%fZ', checked_at);
UPDATE attempts SET started_at = strftime('%Y-%m-%dT%H:%M:%fZ', started_at) WHERE started_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', started_at) IS NOT NULL AND started_at <> strftime('%Y-%m-%dT%H:%M:%fZ', started_at);
UPDATE attempts SET deadline_at = strftime('%Y-%m-%dT%H:%M:%fZ', deadline_at) WHERE deadline_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', deadline_at) IS NOT NULL AND deadline_at <> strftime('%Y-%m-%dT%H:%M:%fZ', deadline_at);
UPDATE attempts SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at) WHERE submitted_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at) IS NOT NULL AND submitted_at <> strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at);
UPDATE bookmarks SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE certificates SET issued_at = strftime('%Y-%m-%dT%H:%M:%fZ', issued_at) WHERE issued_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', issued_at) IS NOT NULL AND issued_at <> strftime('%Y-%m-%dT%H:%M:%fZ', issued_at);
UPDATE class_members SET joined_at = strftime('%Y-%m-%dT%H:%M:%fZ', joined_at) WHERE joined_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', joined_at) IS NOT NULL AND joined_at <> strftime('%Y-%m-%dT%H:%M:%fZ', joined_at);
UPDATE classes SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE comment_bank SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE courses SET installed_at = strftime('%Y-%m-%dT%H:%M:%fZ', installed_at) WHERE installed_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', installed_at) IS NOT NULL AND installed_at <> strftime('%Y-%m-%dT%H:%M:%fZ', installed_at);
UPDATE courses SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) WHERE updated_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS NOT NULL AND updated_at <> strftime('%Y-%m-%dT%H:%M:%fZ', updated_at);
UPDATE impact_observations SET recorded_at = strftime('%Y-%m-%dT%H:%M:%fZ', recorded_at) WHERE recorded_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', recorded_at) IS NOT NULL AND recorded_at <> strftime('%Y-%m-%dT%H:%M:%fZ', recorded_at);
UPDATE impact_studies SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE impact_studies SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) WHERE updated_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS NOT NULL AND updated_at <> strftime('%Y-%m-%dT%H:%M:%fZ', updated_at);
UPDATE imported_bundles SET imported_at = strftime('%Y-%m-%dT%H:%M:%fZ', imported_at) WHERE imported_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', imported_at) IS NOT NULL AND imported_at <> strftime('%Y-%m-%dT%H:%M:%fZ', imported_at);
UPDATE local_quiz_sources SET imported_at = strftime('%Y-%m-%dT%H:%M:%fZ', imported_at) WHERE imported_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', imported_at) IS NOT NULL AND imported_at <> strftime('%Y-%m-%dT%H:%M:%fZ', imported_at);
UPDATE lrs_pulls SET completed_at = strftime('%Y-%m-%dT%H:%M:%fZ', completed_at) WHERE completed_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', completed_at) IS NOT NULL AND completed_at <> strftime('%Y-%m-%dT%H:%M:%fZ', completed_at);
UPDATE lrs_statements SET pulled_at = strftime('%Y-%m-%dT%H:%M:%fZ', pulled_at) WHERE pulled_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', pulled_at) IS NOT NULL AND pulled_at <> strftime('%Y-%m-%dT%H:%M:%fZ', pulled_at);
UPDATE marks SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) WHERE updated_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS NOT NULL AND updated_at <> strftime('%Y-%m-%dT%H:%M:%fZ', updated_at);
UPDATE member_sources SET last_seen_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_seen_at) WHERE last_seen_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_seen_at) IS NOT NULL AND last_seen_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_seen_at);
UPDATE module_progress SET first_opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', first_opened_at) WHERE first_opened_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', first_opened_at) IS NOT NULL AND first_opened_at <> strftime('%Y-%m-%dT%H:%M:%fZ', first_opened_at);
UPDATE module_progress SET last_opened_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_opened_at) WHERE last_opened_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_opened_at) IS NOT NULL AND last_opened_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_opened_at);
UPDATE module_progress SET completed_at = strftime('%Y-%m-%dT%H:%M:%fZ', completed_at) WHERE completed_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', completed_at) IS NOT NULL AND completed_at <> strftime('%Y-%m-%dT%H:%M:%fZ', completed_at);
UPDATE module_progress SET last_beat_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_beat_at) WHERE last_beat_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_beat_at) IS NOT NULL AND last_beat_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_beat_at);
UPDATE notes SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE notes SET updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) WHERE updated_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', updated_at) IS NOT NULL AND updated_at <> strftime('%Y-%m-%dT%H:%M:%fZ', updated_at);
UPDATE pin_failures SET locked_until = strftime('%Y-%m-%dT%H:%M:%fZ', locked_until) WHERE locked_until IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', locked_until) IS NOT NULL AND locked_until <> strftime('%Y-%m-%dT%H:%M:%fZ', locked_until);
UPDATE profiles SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE profiles SET last_used_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_used_at) WHERE last_used_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_used_at) IS NOT NULL AND last_used_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_used_at);
UPDATE question_key_changes SET changed_at = strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) WHERE changed_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', changed_at) IS NOT NULL AND changed_at <> strftime('%Y-%m-%dT%H:%M:%fZ', changed_at);
UPDATE question_key_changes SET regraded_at = strftime('%Y-%m-%dT%H:%M:%fZ', regraded_at) WHERE regraded_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', regraded_at) IS NOT NULL AND regraded_at <> strftime('%Y-%m-%dT%H:%M:%fZ', regraded_at);
UPDATE results SET released_at = strftime('%Y-%m-%dT%H:%M:%fZ', released_at) WHERE released_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', released_at) IS NOT NULL AND released_at <> strftime('%Y-%m-%dT%H:%M:%fZ', released_at);
UPDATE review_cards SET due_at = strftime('%Y-%m-%dT%H:%M:%fZ', due_at) WHERE due_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', due_at) IS NOT NULL AND due_at <> strftime('%Y-%m-%dT%H:%M:%fZ', due_at);
UPDATE review_cards SET last_reviewed_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_reviewed_at) WHERE last_reviewed_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_reviewed_at) IS NOT NULL AND last_reviewed_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_reviewed_at);
UPDATE submission_versions SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at) WHERE submitted_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at) IS NOT NULL AND submitted_at <> strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at);
UPDATE survey_responses SET submitted_at = strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at) WHERE submitted_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at) IS NOT NULL AND submitted_at <> strftime('%Y-%m-%dT%H:%M:%fZ', submitted_at);
UPDATE task_drafts SET saved_at = strftime('%Y-%m-%dT%H:%M:%fZ', saved_at) WHERE saved_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', saved_at) IS NOT NULL AND saved_at <> strftime('%Y-%m-%dT%H:%M:%fZ', saved_at);
UPDATE trusted_keys SET pinned_at = strftime('%Y-%m-%dT%H:%M:%fZ', pinned_at) WHERE pinned_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', pinned_at) IS NOT NULL AND pinned_at <> strftime('%Y-%m-%dT%H:%M:%fZ', pinned_at);
UPDATE xapi_config SET last_success_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_success_at) WHERE last_success_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_success_at) IS NOT NULL AND last_success_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_success_at);
UPDATE xapi_config SET last_error_at = strftime('%Y-%m-%dT%H:%M:%fZ', last_error_at) WHERE last_error_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', last_error_at) IS NOT NULL AND last_error_at <> strftime('%Y-%m-%dT%H:%M:%fZ', last_error_at);
UPDATE xapi_outbox SET created_at = strftime('%Y-%m-%dT%H:%M:%fZ', created_at) WHERE created_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', created_at) IS NOT NULL AND created_at <> strftime('%Y-%m-%dT%H:%M:%fZ', created_at);
UPDATE xapi_outbox SET sent_at = strftime('%Y-%m-%dT%H:%M:%fZ', sent_at) WHERE sent_at IS NOT NULL AND strftime('%Y-%m-%dT%H:%M:%fZ', sent_at) IS NOT NULL AND sent_at <> strftime('%Y-%m-%dT%H:%M:%fZ', sent_at);
CREATE TRIGGER submission_versions_immutable BEFORE UPDATE ON submission_versions
BEGIN
    SELECT RAISE(ABORT, 'submitted versions cannot be changed');
END;
