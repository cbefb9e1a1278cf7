"""Benchmarks, run on demand (`./dev bench`); each prints a table and writes its figures."""
