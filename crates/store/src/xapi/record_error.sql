-- Records why a sync failed (?1), at ?2.
UPDATE xapi_config SET last_error = ?1, last_error_at = ?2 WHERE id = 1
