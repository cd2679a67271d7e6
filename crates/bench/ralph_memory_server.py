"""Serves Ralph's LRS API with statements held in memory, for the bench only.

    ralph-venv/bin/python crates/bench/ralph_memory_server.py HOST PORT DATA_DIR

Same command line and RALPH_* environment variables as
tests/xapi/ralph_server.py (RALPH_AUTH_FILE, RALPH_APP_DIR,
RALPH_RUNSERVER_MAX_SEARCH_HITS_COUNT, ...), same Ralph app: auth, validation,
de-duplication by id, enrichment (id, stored, timestamp, authority) and GET's
`more` links stay Ralph's own code. Only the statements backend differs.

Why: Ralph's fs backend re-reads and JSON-parses its whole JSONL file on
every GET page (`search_after` is a filter that scans from the first line)
and on every POST (`query_statements_by_ids`, for de-duplication). Pulling
100,000 statements in pages of 500 parses ~10M lines: quadratic, useless for
timing. Ralph's production backends (Elasticsearch, MongoDB, ClickHouse) page
with an index, and none can be installed here. So this subclass of Ralph's
FSLRSBackend keeps each statements file as a Python list plus a dict
id -> position:

- `write` appends to both (APPEND, INDEX and CREATE all just append, as the
  test server's APPEND mode does; UPDATE replaces, as fs overwrites; DELETE is
  refused by Ralph's base `write`). Documents go through Ralph's own JSON
  encoding and are parsed back, so they are exactly what fs would read back.
- `query_statements` applies Ralph's own `_add_filter_by_*` filters (all
  but search_after), starting right after the `search_after` statement (found
  through the dict) instead of scanning from the start, and honours `limit`
  and `ascending` exactly as fs.py does (see there: insertion order; with
  `ascending` each page is reversed).
- `query_statements_by_ids` looks ids up in the dict.

DATA_DIR's statements file (fs_lrs.jsonl, or <target>/fs_lrs.jsonl for a
user with a `target`) is read once, when first used, if it exists. Statements
written here stay in memory: nothing is written back to DATA_DIR.

Not for tests of Ralph's behaviour: tests/xapi/ralph_server.py is the one that
runs Ralph's fs backend unchanged.
"""
import json
import os
import sys
from pathlib import Path

host, port, data_dir = sys.argv[1], int(sys.argv[2]), sys.argv[3]
# Ralph reads its settings when first imported: set them before that.
os.environ["RALPH_RUNSERVER_BACKEND"] = "fs"
os.environ["RALPH_BACKENDS__LRS__FS__DEFAULT_DIRECTORY_PATH"] = data_dir
os.makedirs(data_dir, exist_ok=True)

import uvicorn  # noqa: E402
from ralph.backends.data.base import BaseOperationType  # noqa: E402
from ralph.backends.lrs.base import StatementQueryResult  # noqa: E402
from ralph.backends.lrs.fs import FSLRSBackend  # noqa: E402
from ralph.exceptions import BackendParameterException  # noqa: E402
from ralph.utils import parse_dict_to_bytes, parse_iterable_to_dict  # noqa: E402


class _Store:
    """One statements file, in memory: statements in write order, and the
    position of each id's first occurrence."""

    def __init__(self):
        self.statements = []
        self.positions = {}

    def append(self, statements):
        for statement in statements:
            self.positions.setdefault(statement.get("id"), len(self.statements))
            self.statements.append(statement)


class MemoryLRSBackend(FSLRSBackend):
    """FSLRSBackend whose statements file lives in memory (see the module)."""

    def __init__(self, settings=None):
        super().__init__(settings)
        self._stores = {}

    def _store(self, target):
        """The store of the file fs would use for `target`: `write` and
        `query_statements` resolve it alike, relative to the data directory."""
        directory = Path(target) if target else self.default_directory
        if not directory.is_absolute():
            directory = self.default_directory / directory
        path = (directory / self.settings.DEFAULT_LRS_FILE).absolute()
        store = self._stores.get(path)
        if store is None:
            store = self._stores[path] = _Store()
            if path.is_file():
                with path.open("rb") as file:
                    store.append(parse_iterable_to_dict(file, ignore_errors=False))
        return store

    def write(
        self,
        data,
        target=None,
        chunk_size=None,
        ignore_errors=False,
        operation_type=None,
    ):
        """Append statements (dicts or JSON lines) and return their count."""
        operation_type = operation_type or self.default_operation_type
        if operation_type in self.unsupported_operation_types:
            msg = f"{operation_type.value.capitalize()} operation_type is not allowed"
            raise BackendParameterException(msg)
        encoding = self.settings.LOCALE_ENCODING
        lines = []
        for record in data:
            if isinstance(record, dict):
                # Ralph's own encoding: raises BackendException on what fs
                # could not write (or skips it with ignore_errors).
                lines.extend(parse_dict_to_bytes([record], encoding, ignore_errors))
            else:
                lines.append(record)
        if not lines:
            return 0
        # Encoded all before storing any: a failing batch stores nothing.
        statements = list(parse_iterable_to_dict(lines, ignore_errors))
        store = self._store(target)
        if operation_type == BaseOperationType.UPDATE:
            store.statements, store.positions = [], {}
        store.append(statements)
        return len(statements)

    def query_statements(self, params, target=None):
        """fs.py's query_statements, starting after `search_after` by its
        position instead of scanning from the first statement."""
        filters = []
        self._add_filter_by_id(filters, params.statement_id)
        self._add_filter_by_agent(filters, params.agent, params.related_agents)
        self._add_filter_by_authority(filters, params.authority)
        self._add_filter_by_verb(filters, params.verb)
        self._add_filter_by_activity(
            filters, params.activity, params.related_activities
        )
        self._add_filter_by_registration(filters, params.registration)
        self._add_filter_by_timestamp_since(filters, params.since)
        self._add_filter_by_timestamp_until(filters, params.until)

        store = self._store(target)
        start = 0
        if params.search_after:
            # fs: statements after the first one with that id that passes the
            # other filters; none if there is no such statement.
            start = len(store.statements)
            position = store.positions.get(params.search_after)
            if position is not None:
                for position in range(position, len(store.statements)):
                    statement = store.statements[position]
                    if statement.get("id") == params.search_after and all(
                        query_filter(statement) for query_filter in filters
                    ):
                        start = position + 1
                        break

        limit = params.limit
        search_after = None
        if filters:
            statements = []
            for position in range(start, len(store.statements)):
                statement = store.statements[position]
                if all(query_filter(statement) for query_filter in filters):
                    statements.append(statement)
                    if limit and len(statements) == limit:
                        break
        else:
            end = start + limit if limit else len(store.statements)
            statements = store.statements[start:end]
        if limit and len(statements) == limit:
            search_after = statements[-1].get("id")

        if params.ascending:
            statements.reverse()
        return StatementQueryResult(
            statements=statements,
            pit_id=None,
            search_after=search_after,
        )

    def query_statements_by_ids(self, ids, target=None):
        """The stored statements with these ids (first occurrence of each)."""
        store = self._store(target)
        positions = sorted(
            store.positions[i] for i in set(ids) if i in store.positions
        )
        return [store.statements[p] for p in positions]


from ralph.api import app  # noqa: E402
from ralph.api.routers import statements  # noqa: E402

# The statements routes call the module's BACKEND_CLIENT, built on import.
statements.BACKEND_CLIENT = MemoryLRSBackend()
# Read DATA_DIR's statements file now, not during the first timed request.
statements.BACKEND_CLIENT._store(None)

uvicorn.run(app, host=host, port=port, log_level="warning")
