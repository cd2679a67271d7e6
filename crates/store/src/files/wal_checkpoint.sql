-- Folds the WAL into the main file and empties it.
PRAGMA wal_checkpoint(TRUNCATE)
