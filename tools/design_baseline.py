#!/usr/bin/env python3
"""Baseline for the validate + map figure: what the design document proposed, in Python.

The design validates a configuration with a JSON Schema and maps it with three small functions
(one per engine) that copy fields into flag dictionaries. This re-implements that shape (our own
code, written from the design's description) with the `jsonschema` package and the same schema
quantcfg ships, so both sides check the same document. It does far less than quantcfg (no semantic
rules, no engine facts, no quoting), which is the point of the comparison.

Usage: design_baseline.py PRESET.json [ITERATIONS]   prints microseconds per config
"""
import json
import os
import sys
import time
import timeit

import jsonschema

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def map_vllm(c):
    args = {}
    method = c["quantization"]["method"]
    if method != "none":
        args["--quantization"] = method
    if "kv_cache" in c:
        args["--kv-cache-dtype"] = c["kv_cache"]["dtype"]
    if "parallelism" in c:
        args["--tensor-parallel-size"] = c["parallelism"]["tensor_parallel_size"]
    args["--dtype"] = c.get("dtype", "auto")
    return args


def map_trtllm(c):
    algos = {"awq": "W4A16_AWQ", "gptq": "W4A16_GPTQ", "fp8": "FP8", "w4a8": "W4A8_AWQ", "none": "NO_QUANT"}
    args = {"--quant-algo": algos.get(c["quantization"]["method"].replace("_marlin", ""), "NO_QUANT")}
    if "fp8" in c.get("kv_cache", {}).get("dtype", "auto"):
        args["--kv-cache-quant-algo"] = "FP8"
    if "parallelism" in c:
        args["--tp-size"] = c["parallelism"]["tensor_parallel_size"]
    return args


def map_sglang(c):
    args = map_vllm(c)
    args.pop("--tensor-parallel-size", None)
    if "parallelism" in c:
        args["--tp-size"] = c["parallelism"]["tensor_parallel_size"]
    moe = c.get("moe", {})
    if "runner_backend" in moe:
        args["--moe-runner-backend"] = moe["runner_backend"]
    if "expert_tp_size" in moe:
        args["--moe-tp-size"] = moe["expert_tp_size"]
    if "attention" in c:
        args["--attention-backend"] = c["attention"].get("backend", "auto")
    return args


def main():
    with open(sys.argv[1]) as f:
        config = json.load(f)
    iterations = int(sys.argv[2]) if len(sys.argv) > 2 else 20000
    with open(os.path.join(ROOT, "resources", "schema", "unified-config.schema.json")) as f:
        schema = json.load(f)
    validator = jsonschema.Draft7Validator(schema)  # compiled once, like quantcfg's schema

    def once():
        errors = list(validator.iter_errors(config))
        return errors, map_vllm(config), map_sglang(config), map_trtllm(config)

    once()
    # CPU time, like Google Benchmark's cpu_time on the other side of the comparison.
    seconds = min(timeit.repeat(once, number=iterations, repeat=3, timer=time.process_time))
    print(f"{seconds / iterations * 1e6:.1f}")


if __name__ == "__main__":
    main()
