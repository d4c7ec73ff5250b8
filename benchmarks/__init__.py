"""Benchmarks: accuracy beside peer baselines, speed, scaling, start-up and Discord throughput.

Run them all with `.venv/bin/python -m benchmarks.run` (see docs/benchmarks.md); they are not part of the tests."""
