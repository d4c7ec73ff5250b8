"""Benchmarks: accuracy beside peer baselines, speed, scaling, start-up and Discord throughput.

Run them all with `python -m benchmarks.run` (see the README); they are not part of the tests."""
