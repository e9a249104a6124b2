"""Static readers of the engines' own source (vLLM, SGLang, TensorRT-LLM).

Each reader parses the engine's Python files with the standard library's ``ast`` module only: no
engine code is imported or run. Its output is a facts JSON (flags, choices, capabilities, ...)
with a ``provenance`` block saying exactly what was read; tools/gen_profiles.py turns facts into
the profiles under resources/engines/.
"""
