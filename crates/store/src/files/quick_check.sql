-- The faster check run at start-up: pages and structure, not index contents.
PRAGMA quick_check
