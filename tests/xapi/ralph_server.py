"""Serves Ralph's LRS API on its filesystem backend for tests/xapi_lrs.rs.

    ralph-venv/bin/python tests/xapi/ralph_server.py HOST PORT DATA_DIR

Ralph's own `ralph runserver -b fs` stores statements with the fs backend's
default write mode, CREATE, which refuses any write to its statements file
once it exists: every POST after the first then fails with HTTP 500
("Statements bulk indexation failed"). The fs backend is Ralph's development
backend; production ones (ClickHouse, Elasticsearch, MongoDB) append. So this
runs the same Ralph app in one process (no auto-reload), with the fs LRS
backend appending. Everything else (auth, validation, de-duplication by id,
GET with `more` paging) is Ralph's own code, configured by the usual
RALPH_* environment variables.
"""
import os
import sys

host, port, data_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# Ralph reads its settings when first imported: set them before that.
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = data_dir
os.makedirs(data_dir, exist_ok=True)

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402

FSLRSBackend.default_operation_type = BaseOperationType.APPEND

uvicorn.run("ralph.api:app", host=host, port=port, log_level="warning")
