-- Profile ?1's wrong-PIN state.
SELECT failures, locked_until, lockouts FROM pin_failures WHERE profile_id = ?1
