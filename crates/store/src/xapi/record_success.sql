-- Records a successful sync at ?1 and clears the last error.
UPDATE xapi_config SET last_success_at = ?1, last_error = NULL, last_error_at = NULL WHERE id = 1
