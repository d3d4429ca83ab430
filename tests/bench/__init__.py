"""The performance harness: `python -m tests.bench [--scale N ...]` (see __main__.py).

Not collected by pytest (no test_ modules); tests/unit/test_bench.py runs it at scale 1.
"""
