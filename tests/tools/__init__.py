"""Tests of the Python tools under tools/ (run: python3 -m unittest discover -s tests/tools -t .)."""
