-- Every problem SQLite finds in the file ("ok" alone when there is none).
PRAGMA integrity_check
