#!/usr/bin/env python3
"""Times the committed scipy oracle (tests/fixtures/impact/generate_expected.py)
on one CSV for `cargo xtask bench` (P5) and writes its figures as JSON.

    python crates/bench/scipy_timing.py DATA.csv OUT.json

The figures are exactly what the oracle's `expected_for` computes for the
Rust tests; only the time it took is added (`seconds`).
"""

import json
import sys
import time
from pathlib import Path

ORACLE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "impact"
sys.path.insert(0, str(ORACLE))

import generate_expected as oracle  # noqa: E402


def main():
    data, out = Path(sys.argv[1]), Path(sys.argv[2])
    start = time.perf_counter()
    expected = oracle.expected_for(data)
    expected["seconds"] = time.perf_counter() - start
    out.write_text(json.dumps(expected), encoding="utf-8")


if __name__ == "__main__":
    main()
