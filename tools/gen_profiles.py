#!/usr/bin/env python3
"""Builds resources/engines/*.json (the engine profiles) from the facts in resources/engines/facts/.

The facts (flag tables, choices, minimum compute capability, constraints) are read from each
engine's own source by the readers in tools/enginefacts/ (see docs/engines.md). This script turns
them into quantcfg's profile format and adds the mapping decisions of the unified config (how each
unified field and value is spelled for that engine version, or why it cannot be), which no engine
source states: they are written out below, next to their reasons and citations.

Usage: tools/gen_profiles.py          write every profile
       tools/gen_profiles.py --check  regenerate in memory; exit 1 naming each profile that differs
                                      from the committed one (a ctest runs this)
"""
import argparse
import difflib
import json
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
FACTS = os.path.join(ROOT, "resources", "engines", "facts")
OUT = os.path.join(ROOT, "resources", "engines")

NO_VALUE_ACTIONS = {"store_true", "boolean_optional", "DeprecatedAction", "DeprecatedStoreTrueAction",
                    "DeprecatedStoreConstAction"}


def load(name):
    """A facts file, refused unless it says where it came from (the readers' provenance block)."""
    path = os.path.join(FACTS, name)
    with open(path, encoding="utf-8") as f:
        facts = json.load(f)
    prov = facts.get("provenance")
    problems = []
    if not isinstance(prov, dict):
        problems.append("no provenance block")
    else:
        for key in ("repository", "command", "files"):
            if not prov.get(key):
                problems.append(f"provenance.{key} is missing")
        files = prov.get("files") or {}
        hashes = files.values() if isinstance(files, dict) else [f.get("sha256") for f in files]
        if any(not (isinstance(h, str) and len(h) == 64 and all(c in "0123456789abcdef" for c in h)) for h in hashes):
            problems.append("provenance.files needs the SHA-256 of every file read")
    if problems:
        sys.exit(f"{os.path.relpath(path, ROOT)}: " + "; ".join(problems) + " (facts are written by tools/enginefacts/, see docs/engines.md)")
    return facts


def argparse_flags(facts, quant_methods=None):
    """Normalises an argparse flag table (vLLM, SGLang) for lint."""
    out = {}
    for name, f in sorted(facts["flags"].items()):
        e = {}
        takes_value = not (f.get("nargs") == 0 or str(f.get("action")) in NO_VALUE_ACTIONS)
        e["value"] = takes_value
        if takes_value:
            e["type"] = f.get("type") or "str"
            if f.get("nargs") not in (None,):
                e["nargs"] = f["nargs"]
        if f.get("choices"):
            if f.get("choices_enforced_by"):
                e["post_choices"] = f["choices"]
            else:
                e["choices"] = f["choices"]
        if f.get("post_parse_choices"):
            e["post_choices"] = [c for c in f["post_parse_choices"] if c not in ("None", "")]
        if f.get("post_parse_case_insensitive"):
            e["case_insensitive"] = True
        if f.get("normalize"):
            e["normalize"] = f["normalize"]
        if "default" in f and isinstance(f["default"], (int, float, str, bool)) and not isinstance(f["default"], bool):
            e["default"] = f["default"]
        if f.get("aliases"):
            e["aliases"] = f["aliases"]
        if f.get("negations"):
            e["negations"] = f["negations"]
        if f.get("deprecated"):
            e["deprecated"] = True
        if f.get("replacement"):
            e["replacement"] = f["replacement"]
        if f.get("errors_when_used"):
            e["errors_when_used"] = True
        if f.get("deprecated_choices"):
            e["deprecated_choices"] = f["deprecated_choices"]
        if f.get("type") in ("json", "json_or_str"):
            e["json"] = True
        if f.get("json_schema_class") and "json_fields" in f:
            # The top-level keys of the config class the JSON is validated as; pydantic's extra
            # "forbid" rejects any other (vLLM's @config from 2026, CompilationConfig before).
            e["json_keys"] = sorted(f["json_fields"])
            if f.get("json_extra") == "forbid":
                e["json_keys_strict"] = True
            if f.get("json_keys_normalize"):
                e["json_keys_normalize"] = f["json_keys_normalize"]
        out[name] = e
    return out


def click_flags(facts):
    """Normalises TensorRT-LLM's Click option table."""
    out = {}
    portable = set(facts["notes"]["portable_flags"])
    for name, f in sorted(facts["flags"].items()):
        e = {"value": not f.get("is_flag", False)}
        if e["value"]:
            e["type"] = {"choice": "str"}.get(f.get("type"), f.get("type") or "str")
        if f.get("choices"):
            e["choices"] = f["choices"]
        aliases = [a for a in f.get("aliases", []) if a not in f.get("negative_flags", [])]
        if aliases:
            e["aliases"] = aliases
        if f.get("negative_flags"):
            e["negations"] = f["negative_flags"]
        if f.get("status") == "deprecated":
            e["deprecated"] = True
        if f.get("multiple"):
            e["multiple"] = True
        e["portable"] = name in portable or any(a in portable for a in aliases)
        out[name] = e
    return out


def all_names(flags):
    names = set(flags)
    for f in flags.values():
        names.update(f.get("aliases", []))
        names.update(f.get("negations", []))
    return names


def removed(old_flags, new_flags, note):
    """Flags of an older version that the newer one no longer has (under any name): lint explains them."""
    return {name: {"note": note} for name in sorted(all_names(old_flags) - all_names(new_flags))}


# ---------------------------------------------------------------------------------------------
# Mapping decisions. Each unified method maps to {"value": engine spelling} or
# {"unsupported": reason, "suggestion": ...}; "note" adds an info diagnostic, "warn" a warning.

def U(reason, suggestion=""):
    return {"unsupported": reason, "suggestion": suggestion}


VLLM_COMMON_METHODS = {
    "none": {"omit": True},
    "awq": {"value": "awq"},
    "awq_marlin": {"value": "awq_marlin"},
    "gptq": {"value": "gptq"},
    "gptq_marlin": {"value": "gptq_marlin"},
    "marlin": U("vLLM has no 'marlin' quantization method since 2025-08-20 (#23204); it chooses Marlin kernels itself for GPTQ and AWQ checkpoints",
                "set method to gptq_marlin or awq_marlin to match the checkpoint"),
    "w4a8": U("vLLM has no W4A8 --quantization value", "use a compressed-tensors W4A8 checkpoint with method compressed-tensors, or set fallback_method"),
    "w4afp8": U("w4afp8 is an SGLang method; vLLM has no such value", "use a compressed-tensors checkpoint, or set fallback_method"),
    "qoq": U("vLLM never had QoQ"),
    "modelopt": {"value": "modelopt"},
    "modelopt_fp8": {"value": "modelopt", "note": "vLLM's name for ModelOpt FP8 checkpoints is 'modelopt'"},
    "modelopt_fp4": {"value": "modelopt_fp4"},
    "mxfp4": {"value": "mxfp4"},
    "fp8": {"value": "fp8", "note": "vLLM's fp8 quantizes weights and activations to FP8 E4M3 (W8A8)"},
    "w8a8_fp8": {"value": "fp8", "note": "vLLM's generic fp8 is W8A8 FP8 (E4M3)"},
    "w8a8_int8": U("vLLM has no w8a8_int8 value; INT8 W8A8 checkpoints load through compressed-tensors", "set method to compressed-tensors"),
    "compressed-tensors": {"value": "compressed-tensors"},
    "moe_wna16": {"value": "moe_wna16"},
}

VLLM_2026_METHODS = dict(VLLM_COMMON_METHODS, **{
    "gguf": U("GGUF support moved out of vLLM into a plugin on 2026-06-12 (#39612)",
              "install the vLLM GGUF plugin, or use vLLM main-2025-12-31, SGLang, or an AWQ/GPTQ checkpoint"),
    "bitsandbytes": U("bitsandbytes moved to an out-of-tree plugin on 2026-08-09 (#43529)",
                      "install the bitsandbytes plugin or use vLLM main-2025-12-31"),
    "auto-round": {"value": "inc", "warn": "auto-round was removed on 2026-06-17 (#45454); AutoRound checkpoints load through 'inc'"},
    "mxfp8": {"value": "mxfp8"},
    "petit_nvfp4": U("petit_nvfp4 was removed from vLLM on 2026-04-05 (#32694)", "use modelopt_fp4 with an NVFP4 checkpoint"),
})

# Added in 2026 (vllm/model_executor/layers/quantization/__init__.py QuantizationMethods): online
# FP8 with per-tensor/channel/block scales, online NVFP4 for MoE experts, ModelOpt MXFP8 and mixed
# FP8/NVFP4 checkpoints. On a parser without them drop_gone_values() marks them unsupported.
VLLM_2026_ADDED = {
    "nvfp4_online": {"value": "nvfp4_per_token",
                     "warn": "vLLM's online NVFP4 (nvfp4_per_token) is for MoE experts: the other layers keep the model dtype"},
    "modelopt_mxfp8": {"value": "modelopt_mxfp8"},
    "modelopt_mixed": {"value": "modelopt_mixed"},
    "fp8:per_tensor": {"value": "fp8_per_tensor"},
    "fp8:per_channel": {"value": "fp8_per_channel"},
    "fp8:per_block": {"value": "fp8_per_block"},
}
VLLM_2026_METHODS.update(VLLM_2026_ADDED)

VLLM_2025_METHODS = dict(VLLM_COMMON_METHODS, **VLLM_2026_ADDED, **{
    "gguf": {"value": "gguf", "note": "MODEL must be the path of the .gguf file; pass the base model's tokenizer with --tokenizer"},
    "bitsandbytes": {"value": "bitsandbytes"},
    "auto-round": {"value": "auto-round"},
    "mxfp8": U("mxfp8 is not a --quantization value of this vLLM", "use vLLM main-2026-08-14 or newer"),
    "petit_nvfp4": {"value": "petit_nvfp4"},
})

# fp8_variant refines method fp8; the key is looked up in "methods" as "fp8:<variant>".
VLLM_2026_METHODS.update({
    "fp8:fbgemm_fp8": {"value": "fbgemm_fp8", "requires_flags": ["--allow-deprecated-quantization"],
                       "warn": "fbgemm_fp8 is deprecated in vLLM and needs --allow-deprecated-quantization"},
    "fp8:ptpc_fp8": U("ptpc_fp8 was removed from vLLM on 2026-03-21 (#32700)", "use fp8, or the online per-channel shorthand fp8_per_channel"),
})
VLLM_2025_METHODS.update({
    "fp8:fbgemm_fp8": {"value": "fbgemm_fp8"},
    "fp8:ptpc_fp8": {"value": "ptpc_fp8"},
})
for m in (VLLM_2026_METHODS, VLLM_2025_METHODS):
    m["fp8:w8a8_fp8"] = {"value": "fp8", "note": "vLLM's generic fp8 is W8A8 FP8 (E4M3)"}
    m["fp8:modelopt_fp8"] = {"value": "modelopt", "note": "vLLM's name for ModelOpt FP8 checkpoints is 'modelopt'"}

SGLANG_COMMON_METHODS = {
    "none": {"omit": True},
    "awq": {"value": "awq"},
    "awq_marlin": {"value": "awq_marlin"},
    "gptq": {"value": "gptq"},
    "gptq_marlin": {"value": "gptq_marlin"},
    "marlin": {"value": "marlin", "warn": "SGLang has no 'marlin' method of its own: it rewrites it to gptq_marlin or awq_marlin for a GPTQ/AWQ checkpoint and rejects it otherwise"},
    "gguf": {"value": "gguf", "note": "MODEL must be the .gguf file or a folder holding it"},
    "bitsandbytes": {"value": "bitsandbytes"},
    "auto-round": {"value": "auto-round"},
    "modelopt": {"value": "modelopt"},
    "modelopt_fp8": {"value": "modelopt_fp8"},
    "modelopt_fp4": {"value": "modelopt_fp4"},
    "mxfp4": {"value": "mxfp4"},
    "petit_nvfp4": {"value": "petit_nvfp4"},
    "fp8": {"value": "fp8", "note": "SGLang's fp8 is W8A8 FP8 (E4M3)"},
    "w8a8_fp8": {"value": "w8a8_fp8"},
    "w8a8_int8": {"value": "w8a8_int8"},
    "w4afp8": {"value": "w4afp8"},
    "w4a8:fp8": {"value": "w4afp8", "note": "W4A8 with FP8 activations is SGLang's w4afp8"},
    "w4a8:int8": U("SGLang has no W4A8 method with INT8 activations", "use w4a8 with activation_dtype fp8 (w4afp8), or set fallback_method"),
    "compressed-tensors": {"value": "compressed-tensors"},
    "moe_wna16": {"value": "moe_wna16"},
    "fp8:w8a8_fp8": {"value": "w8a8_fp8"},
    "fp8:modelopt_fp8": {"value": "modelopt_fp8"},
    "fp8:ptpc_fp8": U("SGLang has no ptpc_fp8 method", "use fp8 or w8a8_fp8"),
}
SGLANG_COMMON_METHODS.update({
    # python/sglang/srt/layers/quantization/__init__.py: NvFp4OnlineConfig, ModelOptMixedPrecisionConfig.
    "nvfp4_online": {"value": "nvfp4_online"},
    "modelopt_mixed": {"value": "modelopt_mixed"},
    "modelopt_mxfp8": U("SGLang has no modelopt_mxfp8 value: its ModelOpt methods are modelopt, modelopt_fp8, modelopt_fp4 and modelopt_mixed",
                        "try method modelopt, which reads the format from hf_quant_config.json"),
    "fp8:per_tensor": U("SGLang's --quantization has no per-tensor online FP8 choice", "use fp8 (fp8_variant standard)"),
    "fp8:per_channel": U("SGLang's --quantization has no per-channel online FP8 choice", "use fp8 (fp8_variant standard)"),
    "fp8:per_block": U("SGLang's --quantization has no per-block online FP8 choice", "use fp8 (fp8_variant standard)"),
})
SGLANG_0518_METHODS = dict(SGLANG_COMMON_METHODS, **{
    "qoq": U("qoq was removed from SGLang on 2026-07-17 (#31109); it is rejected from v0.5.16 on"),
    "mxfp8": {"value": "mxfp8"},
    "fp8:fbgemm_fp8": U("fbgemm_fp8 was removed from SGLang on 2026-07-17 (#31109)", "use fp8 or w8a8_fp8"),
})
SGLANG_056_METHODS = dict(SGLANG_COMMON_METHODS, **{
    # quantization_choices_not_registered in the 2025-12 facts: an argparse choice without a config class.
    "bitsandbytes": {"value": "bitsandbytes",
                     "warn": "SGLang 0.5.6 lists bitsandbytes as a --quantization choice but registers no quantization config for it, so the server can stop at start-up with 'Unknown quantization method'",
                     "suggestion": "use SGLang v0.5.18 or newer, which registers it"},
    "qoq": {"value": "qoq"},
    "mxfp8": U("mxfp8 is not a --quantization value in SGLang 0.5.6", "use SGLang v0.5.18 or newer"),
    "fp8:fbgemm_fp8": U("fbgemm_fp8 is not a --quantization value in SGLang 0.5.6", "use fp8 or w8a8_fp8"),
})



def sglang_vllm_dependent(facts, label):
    """Methods an older SGLang registers only when vllm can be imported (the facts'
    quantization_platform_conditional VLLM_AVAILABLE: QUANTIZATION_METHODS merges
    VLLM_QUANTIZATION_METHODS, and get_quantization_config refuses them without vllm). Neither
    sglang[srt] nor the lmsysorg/sglang image installs vllm."""
    return {m for m, conds in facts.get("quantization_platform_conditional", {}).items() if "VLLM_AVAILABLE" in conds}


def sglang_pre_056_methods(facts, label):
    """SGLang v0.4.8.post1 and v0.5.2: the 0.5.6 decisions, with the methods that need vllm warned."""
    methods = dict(SGLANG_056_METHODS, **{
        "mxfp8": U(f"mxfp8 is not a --quantization value in SGLang {label}", "use SGLang v0.5.18 or newer"),
        "fp8:fbgemm_fp8": U(f"fbgemm_fp8 is not a --quantization value in SGLang {label}", "use fp8 or w8a8_fp8"),
        # Not a --quantization choice before v0.5.6, but registered: SGLang takes the method from
        # the checkpoint's config.json (quant_method) when --quantization is not given
        # (python/sglang/srt/configs/model_config.py _verify_quantization: "if self.quantization is
        # None: self.quantization = quant_method", then checked against QUANTIZATION_METHODS).
        "compressed-tensors": {"omit": True, "note": f"compressed-tensors is not a --quantization choice of SGLang {label}: "
                                                     "SGLang reads it from the checkpoint's config.json (quant_method)"},
    })
    needs_vllm = sglang_vllm_dependent(facts, label)
    for key, entry in list(methods.items()):
        if entry.get("value") in needs_vllm:
            e = {k: v for k, v in entry.items() if k not in ("warn", "suggestion")}
            e["warn"] = (f"SGLang {label} registers {entry['value']} only when vllm can be imported "
                         "(VLLM_QUANTIZATION_METHODS); neither sglang[srt] nor the lmsysorg/sglang image installs vllm, "
                         "so the server stops at start-up with 'requires some operators from vllm'")
            e["suggestion"] = "install vllm in the image, or use SGLang v0.5.6 or newer"
            methods[key] = e
    return methods


AWQ_TRT = "TensorRT-LLM loads INT4-AWQ only from a ModelOpt checkpoint (hf_quant_config.json quant_algo W4A16_AWQ); AutoAWQ checkpoints fail with 'Unsupported quantization_config'"
TRTLLM_METHODS = {
    "none": {"checkpoint": "NO_QUANT", "note": "serves an unquantized BF16/FP16 Hugging Face checkpoint"},
    "fp8": {"checkpoint": "FP8", "note": "needs an FP8 checkpoint (ModelOpt hf_quant_config.json, or config.json quant_method fp8); FP8 block-scale checkpoints become FP8_BLOCK_SCALES"},
    "fp8:w8a8_fp8": {"checkpoint": "FP8", "note": "needs an FP8 checkpoint (ModelOpt or config.json quant_method fp8)"},
    "fp8:modelopt_fp8": {"checkpoint": "FP8", "note": "ModelOpt FP8 checkpoint"},
    "fp8:fbgemm_fp8": {"checkpoint": "FP8_PER_CHANNEL_PER_TOKEN", "warn": "per-channel/per-token FP8 needs a ModelOpt or llm-compressor checkpoint and runs on Hopper (SM90) only"},
    "fp8:ptpc_fp8": {"checkpoint": "FP8_PER_CHANNEL_PER_TOKEN", "warn": "per-channel/per-token FP8 needs a ModelOpt or llm-compressor checkpoint and runs on Hopper (SM90) only"},
    "w8a8_fp8": {"checkpoint": "FP8", "note": "needs an FP8 checkpoint (ModelOpt or config.json quant_method fp8)"},
    "modelopt": {"checkpoint": "MODELOPT", "note": "the format is read from the checkpoint's hf_quant_config.json"},
    "modelopt_fp8": {"checkpoint": "FP8", "note": "ModelOpt FP8 checkpoint"},
    "modelopt_fp4": {"checkpoint": "NVFP4", "note": "ModelOpt NVFP4 checkpoint"},
    "mxfp4": {"checkpoint": "MXFP4", "note": "runs as W4A16_MXFP4 below Blackwell (SM100)"},
    "mxfp8": {"checkpoint": "MXFP8", "note": "config.json quant_method mxfp8"},
    "petit_nvfp4": {"checkpoint": "NVFP4", "warn": "petit is a kernel for NVFP4 checkpoints on GPUs without FP4; TensorRT-LLM runs the NVFP4 checkpoint with its own kernels (Blackwell)"},
    "compressed-tensors": {"checkpoint": "COMPRESSED_TENSORS", "warn": "TensorRT-LLM reads compressed-tensors FP8, NVFP4 and MXFP4 schemes; INT4/INT8 schemes are rejected"},
    "awq": {"checkpoint": "W4A16_AWQ", "warn": AWQ_TRT, "suggestion": "re-quantize with ModelOpt (examples/llm_ptq --quant int4_awq --export_fmt hf) and serve that directory"},
    "awq_marlin": {"checkpoint": "W4A16_AWQ", "warn": AWQ_TRT + "; TensorRT-LLM has no Marlin kernels for it", "suggestion": "re-quantize with ModelOpt (--quant int4_awq) and serve that directory"},
    "w4a8": {"checkpoint": "W4A8_AWQ", "note": "ModelOpt W4A8_AWQ checkpoint (--quant w4a8_awq)"},
    "w4a8:int8": U("TensorRT-LLM's PyTorch backend has no W4A8 with INT8 activations", "use activation_dtype fp8 (W4A8_AWQ)"),
    "w4afp8": {"checkpoint": "W4A8_AWQ", "warn": "TensorRT-LLM's W4A8 (FP8 activations) format is ModelOpt W4A8_AWQ; SGLang w4afp8 checkpoints do not load as they are"},
    "gptq": U("TensorRT-LLM does not load AutoGPTQ/GPTQModel checkpoints ('Unsupported quantization_config')",
              "re-quantize with ModelOpt to W4A16_AWQ (--quant int4_awq), or set fallback_method"),
    "gptq_marlin": U("TensorRT-LLM does not load AutoGPTQ checkpoints and has no Marlin GPTQ kernels",
                     "re-quantize with ModelOpt to W4A16_AWQ (--quant int4_awq), or set fallback_method"),
    "marlin": U("TensorRT-LLM has no Marlin method", "re-quantize with ModelOpt (int4_awq or fp8)"),
    "gguf": U("TensorRT-LLM cannot load GGUF files", "convert to a Hugging Face checkpoint (transformers gguf_file= then save_pretrained), then quantize with ModelOpt"),
    "qoq": U("TensorRT-LLM's PyTorch backend does not run QoQ checkpoints"),
    "bitsandbytes": U("TensorRT-LLM cannot load bitsandbytes checkpoints", "quantize with ModelOpt (fp8 or int4_awq)"),
    "auto-round": U("TensorRT-LLM cannot load AutoRound checkpoints", "quantize with ModelOpt (fp8 or int4_awq)"),
    "w8a8_int8": U("INT8 SmoothQuant is not available on TensorRT-LLM's PyTorch backend", "use fp8"),
    "moe_wna16": U("TensorRT-LLM has no moe_wna16 format", "quantize with ModelOpt"),
    "nvfp4_online": U("TensorRT-LLM does not quantize while loading: it needs an NVFP4 checkpoint",
                      "quantize with ModelOpt (--quant nvfp4) and use method modelopt_fp4"),
    "modelopt_mxfp8": {"checkpoint": "MXFP8", "note": "ModelOpt MXFP8 checkpoint (quant_algo MXFP8)"},
    "modelopt_mixed": {"checkpoint": "MIXED_PRECISION", "note": "ModelOpt mixed-precision checkpoint (quant_algo MIXED_PRECISION)"},
    "fp8:per_tensor": {"checkpoint": "FP8", "note": "needs an FP8 checkpoint with per-tensor scales (ModelOpt --quant fp8): TensorRT-LLM does not quantize while loading"},
    "fp8:per_channel": {"checkpoint": "FP8_PER_CHANNEL_PER_TOKEN", "warn": "needs a per-channel FP8 checkpoint (ModelOpt or llm-compressor); TensorRT-LLM runs it on Hopper (SM90) only"},
    "fp8:per_block": {"checkpoint": "FP8_BLOCK_SCALES", "note": "needs an FP8 block-scale checkpoint (as DeepSeek-V3 ships); Hopper and Blackwell SM100/103"},
}
# Which TensorRT-LLM checkpoint format each min_sm / supported_sm entry is keyed by. An MXFP4
# checkpoint runs as W4A16_MXFP4 below Blackwell, so that fallback's minimum (SM90) is MXFP4's; the
# weight-only note below says where the fallback applies.
TRTLLM_SM_KEY = {"FP8": "FP8", "FP8_PER_CHANNEL_PER_TOKEN": "FP8_PER_CHANNEL_PER_TOKEN", "FP8_BLOCK_SCALES": "FP8_BLOCK_SCALES", "NVFP4": "NVFP4",
                 "MXFP4": "W4A16_MXFP4", "MXFP8": "MXFP8", "W4A16_AWQ": "W4A16_AWQ", "W4A8_AWQ": "W4A8_AWQ"}
# TensorRT-LLM's support tables name one SM per family: the support matrix's "Ampere SM80/SM86" and
# "Blackwell SM100/SM120 (... DGX Spark)", and the quantization matrix's "100/103" column. An SM
# below is checked as the listed one it belongs to (87: Jetson Orin, Ampere; 121: DGX Spark's
# GB10). SM110 (Thor) is in no table, so it stays unlisted.
TRTLLM_SM_LISTED_AS = {"86": 80, "87": 80, "103": 100, "121": 120}
# Checkpoint formats with no minimum of their own: they run on every GPU TensorRT-LLM targets, or
# the format inside the checkpoint decides (then it is checked when the checkpoint is read).
TRTLLM_ANY_SM = {"NO_QUANT": "unquantized checkpoints run on every supported GPU",
                 "MODELOPT": "depends on the format stored in the checkpoint",
                 "COMPRESSED_TENSORS": "depends on the format stored in the checkpoint"}

# ---------------------------------------------------------------------------------------------
# KV cache: unified dtype → engine value. "fp8" uses kv_cache.fp8_format when set ("fp8:e5m2").

def kv_vllm(choices):
    m = {"auto": {"omit": True}}
    m["fp8"] = {"value": "fp8", "format": "FP8 E4M3 (vLLM's fp8 means E4M3)"}
    m["fp8:e4m3"] = {"value": "fp8_e4m3", "format": "FP8 E4M3"}
    m["fp8:e5m2"] = {"value": "fp8_e5m2", "format": "FP8 E5M2"}
    m["fp8_e4m3"] = {"value": "fp8_e4m3", "format": "FP8 E4M3"}
    m["fp8_e5m2"] = {"value": "fp8_e5m2", "format": "FP8 E5M2"}
    m["bfloat16"] = {"value": "bfloat16", "format": "BF16"}
    m["float16"] = {"value": "float16", "format": "FP16"} if "float16" in choices else \
        {"omit": True, "warn": "this vLLM has no float16 KV-cache value; auto keeps the KV cache in the model dtype", "suggestion": "set dtype to float16 to get an FP16 cache"}
    m["nvfp4"] = {"value": "nvfp4", "format": "NVFP4 (E2M1, FP8 block scales)"} if "nvfp4" in choices else \
        U("this vLLM has no FP4 KV cache", "use fp8, or vLLM main-2026-08-14 or newer (nvfp4)")
    m["fp4_e2m1"] = {"value": "nvfp4", "format": "NVFP4 (E2M1, FP8 block scales)", "warn": "vLLM's FP4 KV cache is NVFP4 (E2M1 elements with FP8 block scales)"} \
        if "nvfp4" in choices else U("this vLLM has no FP4 KV cache", "use fp8, or vLLM main-2026-08-14 or newer (nvfp4)")
    m["int8"] = {"value": "int8_per_token_head", "format": "INT8 (per-token-head scales)"} if "int8_per_token_head" in choices else \
        U("this vLLM has no INT8 KV cache", "use fp8, or a vLLM profile with int8_per_token_head (quantcfg versions diff)")
    m["fp8_per_token_head"] = {"value": "fp8_per_token_head", "format": "FP8 E4M3 (per-token-head scales)"} if "fp8_per_token_head" in choices else \
        U("this vLLM has no per-token-head FP8 KV cache", "use fp8")
    m["mxfp8"] = U("vLLM has no MXFP8 KV cache", "use fp8")
    return m


def kv_sglang(choices):
    m = {"auto": {"omit": True}}
    m["fp8"] = {"value": "fp8_e4m3", "format": "FP8 E4M3", "note": "SGLang has no plain fp8 value: E4M3 chosen (set kv_cache.fp8_format for E5M2)"}
    m["fp8:e4m3"] = {"value": "fp8_e4m3", "format": "FP8 E4M3"}
    m["fp8:e5m2"] = {"value": "fp8_e5m2", "format": "FP8 E5M2"}
    m["fp8_e4m3"] = {"value": "fp8_e4m3", "format": "FP8 E4M3"}
    m["fp8_e5m2"] = {"value": "fp8_e5m2", "format": "FP8 E5M2"}
    m["bfloat16"] = {"value": "bfloat16", "format": "BF16"}
    m["float16"] = {"omit": True, "warn": "SGLang has no float16 KV-cache value; auto keeps the KV cache in the model dtype",
                    "suggestion": "set dtype to float16 to get an FP16 cache"}
    m["fp4_e2m1"] = {"value": "fp4_e2m1", "format": "FP4 E2M1"}
    m["nvfp4"] = {"value": "nvfp4", "format": "NVFP4"} if "nvfp4" in choices else \
        {"value": "fp4_e2m1", "format": "FP4 E2M1", "warn": "SGLang 0.5.6 has no nvfp4 KV value; its FP4 cache is fp4_e2m1"}
    m["int8"] = U("SGLang has no INT8 KV cache", "use fp8_e4m3")
    m["fp8_per_token_head"] = U("SGLang's FP8 KV cache has no per-token-head scales", "use fp8_e4m3")
    # python/sglang/srt/server_args.py: the mxfp8 KV cache is checked against the attention backend.
    m["mxfp8"] = {"value": "mxfp8", "format": "MXFP8 (E4M3, E8M0 scales per 32)", "warn": "SGLang's MXFP8 KV cache works with the fa4 attention backend only"} \
        if "mxfp8" in choices else U("this SGLang has no MXFP8 KV cache", "use fp8_e4m3")
    return m


KV_TRTLLM = {
    "auto": {"omit": True},
    "fp8": {"value": "fp8", "format": "FP8 E4M3"},
    "fp8:e4m3": {"value": "fp8", "format": "FP8 E4M3"},
    "fp8:e5m2": {"value": "fp8", "format": "FP8 E4M3", "warn": "TensorRT-LLM's FP8 KV cache is E4M3 only; E5M2 cannot be chosen"},
    "fp8_e4m3": {"value": "fp8", "format": "FP8 E4M3"},
    "fp8_e5m2": {"value": "fp8", "format": "FP8 E4M3", "warn": "TensorRT-LLM's FP8 KV cache is E4M3 only; E5M2 cannot be chosen"},
    "bfloat16": {"value": "bfloat16", "format": "BF16"},
    "float16": {"value": "float16", "format": "FP16"},
    "nvfp4": {"value": "nvfp4", "format": "NVFP4", "note": "NVFP4 KV needs Blackwell and a ModelOpt checkpoint calibrated for it"},
    "fp4_e2m1": {"value": "nvfp4", "format": "NVFP4", "warn": "TensorRT-LLM's FP4 KV cache is NVFP4 (E2M1 with FP8 block scales); it needs Blackwell and a calibrated checkpoint"},
    "int8": U("kv_cache_config.dtype of TensorRT-LLM's PyTorch backend takes auto, fp8, nvfp4 or a 16/32-bit dtype", "use fp8"),
    "fp8_per_token_head": U("TensorRT-LLM's FP8 KV cache has no per-token-head scales", "use fp8"),
    "mxfp8": U("kv_cache_config.dtype of TensorRT-LLM's PyTorch backend takes auto, fp8, nvfp4 or a 16/32-bit dtype", "use fp8"),
}

DTYPES = {"auto": {"value": "auto"}, "float16": {"value": "float16"}, "bfloat16": {"value": "bfloat16"}, "float32": {"value": "float32"}}

ATTN_VLLM_2026 = {
    "auto": {"omit": True},
    "flashinfer": {"value": "FLASHINFER"},
    "flash_attn": {"value": "FLASH_ATTN"},
    # The FlashAttention version lives in the same JSON config as the backend: both go through its
    # dotted form so the parser merges them into one --attention-config.
    "fa3": {"value": "FLASH_ATTN", "args": ["--attention-config.backend", "FLASH_ATTN", "--attention-config.flash_attn_version", "3"]},
    "fa4": {"value": "FLASH_ATTN", "args": ["--attention-config.backend", "FLASH_ATTN", "--attention-config.flash_attn_version", "4"]},
    "triton": {"value": "TRITON_ATTN"},
    "flex_attention": {"value": "FLEX_ATTENTION"},
    "torch_native": U("vLLM has no torch-native attention for language models (TORCH_SDPA is for vision encoders only)", "use triton or auto"),
}
ATTN_VLLM_2025 = {
    "auto": {"omit": True},
    "flashinfer": {"value": "FLASHINFER"},
    "flash_attn": {"value": "FLASH_ATTN"},
    "fa3": {"value": "FLASH_ATTN", "warn": "VLLM_ATTENTION_BACKEND cannot pick the FlashAttention version: vLLM uses FA3 on Hopper and FA2 elsewhere"},
    "fa4": {"value": "FLASH_ATTN", "warn": "VLLM_ATTENTION_BACKEND cannot select FlashAttention 4"},
    "triton": {"value": "TRITON_ATTN"},
    "flex_attention": {"value": "FLEX_ATTENTION"},
    "torch_native": U("vLLM has no torch-native attention for language models", "use triton or auto"),
}
ATTN_SGLANG = {
    "auto": {"omit": True},
    "flashinfer": {"value": "flashinfer"},
    "flash_attn": {"value": "fa3", "note": "SGLang's FlashAttention backends are fa3 and fa4; fa3 chosen"},
    "fa3": {"value": "fa3"},
    "fa4": {"value": "fa4"},
    "triton": {"value": "triton"},
    "torch_native": {"value": "torch_native"},
    "flex_attention": {"value": "flex_attention"},
}
ATTN_TRTLLM = {
    "auto": {"omit": True},
    "flashinfer": {"value": "FLASHINFER", "note": "FlashInfer must be installed; otherwise TensorRT-LLM silently uses TRTLLM"},
    "torch_native": {"value": "VANILLA", "note": "TensorRT-LLM's plain PyTorch attention is VANILLA"},
    "flash_attn": U("TensorRT-LLM's attention backends are TRTLLM, FLASHINFER and VANILLA", "use auto (TRTLLM) or flashinfer"),
    "fa3": U("TensorRT-LLM's attention backends are TRTLLM, FLASHINFER and VANILLA", "use auto (TRTLLM) or flashinfer"),
    "fa4": U("TensorRT-LLM's attention backends are TRTLLM, FLASHINFER and VANILLA", "use auto (TRTLLM) or flashinfer"),
    "triton": U("TensorRT-LLM's attention backends are TRTLLM, FLASHINFER and VANILLA", "use auto (TRTLLM) or flashinfer"),
    "flex_attention": U("TensorRT-LLM's attention backends are TRTLLM, FLASHINFER and VANILLA", "use auto (TRTLLM) or flashinfer"),
}


def moe_backend_map(choices, style="lower"):
    m = {"auto": {"omit": True}}
    for v in ("triton", "deep_gemm", "cutlass", "marlin", "flashinfer_cutlass", "flashinfer_mxfp4", "flashinfer_trtllm"):
        if v in choices:
            m[v] = {"value": v}
        else:
            m[v] = U(f"'{v}' is not a MoE backend of this version", "use auto")
    return m


MOE_TRTLLM = {
    "auto": {"omit": True},
    "triton": {"value": "TRITON"},
    "deep_gemm": {"value": "DEEPGEMM"},
    "cutlass": {"value": "CUTLASS"},
    "marlin": {"value": "MARLIN", "note": "MARLIN is a moe_config.backend of recent builds only"},
    "flashinfer_trtllm": {"value": "TRTLLM", "note": "FlashInfer's trtllm-gen MoE kernels are TensorRT-LLM's own TRTLLM backend"},
    "flashinfer_cutlass": {"value": "CUTLASS", "note": "TensorRT-LLM runs its own CUTLASS MoE kernels"},
    "flashinfer_mxfp4": U("TensorRT-LLM has no flashinfer_mxfp4 MoE backend; MXFP4 experts run on TRTLLM or TRITON", "use auto"),
}

# ---------------------------------------------------------------------------------------------

FP4_NOTE = {"methods": ["modelopt_fp4", "mxfp4", "gpt_oss_mxfp4", "nvfp4_per_token", "petit_nvfp4", "nvfp4_online"], "below": 100,
            "state": "weight_only",
            "message": "there are no FP4 tensor cores before Blackwell: FP4 checkpoints run with dequantizing (W4A16) kernels, saving memory without FP4 compute"}


def capability_notes_vllm():
    return [FP4_NOTE,
            {"methods": ["fp8", "fbgemm_fp8"], "below": 89, "state": "weight_only",
             "message": "below SM89 vLLM runs FP8 as FP8-Marlin W8A16 (weight-only): memory is saved, there is no FP8 compute speed-up"},
            # vllm-sglang.md §5.4: AutoGPTQ loads gptq_marlin from SM60 (2026), but Marlin needs SM75.
            {"methods": ["gptq_marlin"], "below": 75, "state": "other_kernel",
             "message": "there is no Marlin kernel below SM75: vLLM loads gptq_marlin checkpoints there with the slower Exllama GPTQ kernel"},
            # vllm-sglang.md §5.5: real W8A8-FP8 needs SM89; vLLM's modelopt (ModelOpt FP8) loads from SM80 since 2026.
            {"methods": ["modelopt"], "below": 89, "state": "weight_only",
             "message": "there is no FP8 compute below SM89: vLLM serves ModelOpt FP8 checkpoints there weight-only (W8A16), saving memory without FP8 speed-up"},
            {"methods": ["compressed-tensors"], "below": 89, "state": "weight_only",
             "message": "compressed-tensors W8A8-FP8 needs SM89; below it vLLM falls back to W8A16 (weight-only)"}]


def capability_notes_trtllm(min_sm):
    # Keyed by checkpoint format (TensorRT-LLM's "engine value"). The facts list MXFP4 (native FP4
    # compute) from SM100 and W4A16_MXFP4 (the dequantizing fallback it runs as) from SM90.
    native = min_sm["MXFP4"]
    return [{"methods": ["MXFP4"], "below": native, "state": "weight_only",
             "message": f"below SM{native} TensorRT-LLM runs MXFP4 checkpoints as W4A16_MXFP4 (weight-only)"}]


# min_capability entries of the form {"value", "except_when": CONDITION, "then"} keep the engine's
# source condition. Which --quantization values make it hold (on NVIDIA; a condition not listed
# never holds there, e.g. "_is_musa"): SGLang's Fp8Config sets use_mxfp8 for --quantization mxfp8.
SGLANG_CAPABILITY_CONDITIONS = {"self.use_mxfp8": ["mxfp8"]}


def capability_notes_sglang():
    return [FP4_NOTE,
            {"methods": ["marlin"], "capability_as": "gptq_marlin",
             "message": "marlin is rewritten to gptq_marlin/awq_marlin at load, so their minimum applies"},
            {"methods": ["fp8"], "below": 89, "state": "weight_only",
             "message": "below SM89 SGLang switches fp8 to Marlin FP8 (weight-only W8A16): memory is saved, no FP8 compute speed-up"}]


# The serving section: the option each engine starts its server with, per unified field. Each
# name is checked against the flag table of every version by serving_map(), so a version whose
# parser lacks one (or, for TensorRT-LLM, has it only in recent builds) gets an "unsupported" entry
# with the reason, and the plan says it was skipped instead of printing an option the engine rejects.
SERVING_VLLM = {"max_model_len": "--max-model-len", "gpu_memory_utilization": "--gpu-memory-utilization",
                "port": "--port", "served_model_name": "--served-model-name"}
SERVING_SGLANG = {"max_model_len": "--context-length", "gpu_memory_utilization": "--mem-fraction-static",
                  "port": "--port", "served_model_name": "--served-model-name"}
SERVING_TRTLLM = {"max_model_len": "--max_seq_len", "gpu_memory_utilization": "--kv_cache_free_gpu_memory_fraction",
                  "port": "--port", "served_model_name": "--served_model_name"}
SERVING_SPELLINGS = {"vllm": SERVING_VLLM, "sglang": SERVING_SGLANG}
# The same number does not mean the same memory everywhere. vLLM's gpu_memory_utilization is the
# share of the whole GPU its executor may use, weights, activations and KV cache together
# (vllm/config/cache.py: "The fraction of GPU memory to be used for the model executor").
SERVING_NOTES = {
    # python/sglang/srt/server_args.py: "The fraction of the memory used for static allocation (model
    # weights and KV cache memory pool)": activations and CUDA graphs come on top of it.
    ("sglang", "gpu_memory_utilization"): {
        "note": "SGLang's --mem-fraction-static counts the weights and the KV-cache pool only; activations and CUDA graphs "
                "come on top, so the same fraction takes a little more memory than vLLM's --gpu-memory-utilization"},
    # docs/source/examples/kvcacheconfig.md: free_gpu_memory_fraction 0.9 "means TensorRT-LLM tries to
    # allocate 90% of free GPU memory (after loading weights) for KV cache". No option caps the whole.
    ("trtllm", "gpu_memory_utilization"): {
        "warn": "TensorRT-LLM has no whole-GPU memory fraction: --kv_cache_free_gpu_memory_fraction is the share of the memory still "
                "free after the weights are loaded that the KV cache takes, so the same number makes TensorRT-LLM use more memory "
                "than vLLM (weights + fraction × the rest, not fraction × the whole GPU)",
        "suggestion": "lower the fraction for TensorRT-LLM when the GPU is shared (quantcfg fit and the studio's memory fit page show what the weights take)"},
}


# TensorRT-LLM builds its kv_cache_config from --kv_cache_free_gpu_memory_fraction, and then merges the
# --extra_llm_api_options YAML over its arguments with a dict union (tensorrt_llm/commands/serve.py
# get_llm_args(); llmapi/llm_args.py update_llm_args_with_extra_dict(): "llm_args = llm_args |
# llm_args_dict"): a YAML kv_cache_config section replaces the command line's whole one, fraction
# included. So where the plan's YAML has that section, the fraction goes into it instead.
SERVING_YAML = {("trtllm", "gpu_memory_utilization"): "kv_cache_config.free_gpu_memory_fraction"}


def serving_map(label, flags, spellings, engine, yaml_keys=()):
    """The mapping.serving table of one profile: {"flag": name} (with the notes above) where this
    version's parser has the option, else why not."""
    out = {}
    for field, name in spellings.items():
        f = flags.get(name)
        if f is None:
            out[field] = U(f"{label} has no {name} option", "set it in the engine's own configuration, or use a version that has it")
        elif f.get("portable") is False:
            # tools/enginefacts/trtllm.py: only flags of serve() at the older serve.py are portable.
            out[field] = U(f"{name} exists only in recent {label} builds; older 1.x releases reject it",
                           "on a build that has it, add the option yourself; otherwise clients use the model's path or id as its name")
        elif f.get("deprecated") or f.get("errors_when_used"):
            sys.exit(f"{label}: the serving option {name} is deprecated; decide what {field} maps to (tools/gen_profiles.py SERVING_*)")
        else:
            out[field] = {"flag": name, **SERVING_NOTES.get((engine, field), {})}
            if (engine, field) in SERVING_YAML:
                key = SERVING_YAML[(engine, field)]
                if key not in yaml_keys:
                    sys.exit(f"{label}: {key} is not a key of its LLM API YAML (facts llm_api_yaml); check SERVING_YAML")
                out[field]["yaml"] = key
    return out


# The deployment section (quantcfg deploy, core/engines/deploy.cpp): the options each engine's ranks
# find each other with, checked against every version's flag table like the serving options, so a
# version that lacks one gets a diagnostic with the reason instead of a command its parser rejects.
DEPLOY_VLLM = {
    # Native multi-node (vllm PR #23691, docs/serving/parallelism_scaling.md): one process per node.
    "nnodes": "--nnodes", "node_rank": "--node-rank", "master_addr": "--master-addr", "master_port": "--master-port",
    "headless": "--headless",
    # Multi-node data parallel: each node runs its DP ranks, the head's RPC port coordinates them.
    "dp_size_local": "--data-parallel-size-local", "dp_start_rank": "--data-parallel-start-rank",
    "dp_address": "--data-parallel-address", "dp_rpc_port": "--data-parallel-rpc-port",
    # External load balancing: one server per DP rank, each started with --data-parallel-rank
    # (vLLM's data-parallel deployment docs); the option exists in every profiled version.
    "dp_hybrid_lb": "--data-parallel-hybrid-lb", "dp_rank": "--data-parallel-rank",
    "executor_backend": "--distributed-executor-backend", "host": "--host",
}
DEPLOY_SGLANG = {"nnodes": "--nnodes", "node_rank": "--node-rank", "dist_init_addr": "--dist-init-addr", "host": "--host"}
# TensorRT-LLM: the serve CLI reference at 029e223d and serve.py @ 4c05a748 both have --gpus_per_node
# (portable); deployment.md cites a PR saying "YAML only", which holds for builds without the option:
# deploy_options() then marks it unsupported and names the YAML key.
DEPLOY_TRTLLM = {"gpus_per_node": "--gpus_per_node", "host": "--host"}
DEPLOY_SPELLINGS = {"vllm": DEPLOY_VLLM, "sglang": DEPLOY_SGLANG, "trtllm": DEPLOY_TRTLLM}
# A server whose default address is the loopback cannot be reached from another machine or from
# outside a container: the deployment makes it listen on every interface.
LOOPBACK = {"127.0.0.1", "localhost", "::1"}

TP_ACROSS_NODES = ("tensor parallelism across nodes sends every layer's all-reduce over the network; the engines' "
                   "multi-node guides keep TP within a node (NVLink) and split across nodes by pipeline parallelism")

# How each engine counts the GPUs it needs, read from its source: nodes × gpus_per_node must match.
DEPLOY_GPU_COUNT = {
    "vllm": {"factors": ["tp", "pp", "dp"],
             "reason": "vLLM's world is TP × PP per data-parallel rank and DP ranks of it (vllm/config/parallel.py: world_size = "
                       "pipeline_parallel_size × tensor_parallel_size, world_size_across_dp = world_size × data_parallel_size)"},
    "sglang": {"factors": ["tp", "pp", "dp"],
               "reason": "SGLang's --tp-size counts every GPU of the model across all nodes (each node takes tp/nnodes of them), "
                         "times --pp-size; --dp-size replicas multiply it unless DP attention makes them share the TP GPUs "
                         "(python/sglang/srt/server_args.py, data_parallel_controller.py)"},
    "trtllm": {"factors": ["tp", "pp"],
               "reason": "TensorRT-LLM runs --tp_size × --pp_size ranks in one MPI world, one GPU each (tensorrt_llm/llmapi/llm_args.py: "
                         "world_size = tp_size × pp_size × cp_size)"},
}

DEPLOY_LAUNCHERS = {
    "vllm": {
        "single": {},
        "native": {"ranks": "per_node", "rendezvous": "master",
                   "data_parallel": {"style": "dp_flags"}},
        "ray": {"ranks": "ray_cluster", "default_port": 6379},
        "mpi": U("vLLM does not start its ranks from MPI", "use launcher native or ray"),
    },
    "sglang": {
        "single": {},
        "native": {"ranks": "per_node", "rendezvous": "dist_init", "default_port": 20000,
                   "data_parallel": U("SGLang runs --dp-size > 1 across nodes only with --enable-dp-attention, where the DP ranks "
                                      "share the TP GPUs instead of replicating the model (server_args.py: \"multi-node data parallel "
                                      "requires --enable-dp-attention\")",
                                      "set data_parallel_size to 1 and spread the model with tensor_parallel_size over all GPUs, or "
                                      "start one SGLang server per node behind a router")},
        "ray": U("SGLang has no Ray launcher; its nodes meet through --dist-init-addr", "use launcher native"),
        "mpi": U("SGLang does not start its ranks from MPI", "use launcher native"),
    },
    "trtllm": {
        "single": {},
        # docs/source/commands/trtllm-serve/trtllm-serve.rst: every rank of one engine in one MPI world,
        # each rank running trtllm-llmapi-launch, which starts the server on rank 0 and workers elsewhere.
        "mpi": {"ranks": "mpi_world", "wrapper": ["trtllm-llmapi-launch"]},
        "native": U("TensorRT-LLM has no node-rank options: all of its ranks form one MPI world", "use launcher mpi"),
        "ray": U("trtllm-serve does not start its ranks from Ray here", "use launcher mpi"),
    },
}

# The engine's image, tagged with the profile's release (vllm/vllm-openai:v0.29.0). TensorRT-LLM's
# facts name no image: NVIDIA publishes it on NGC (docs/source/installation/containers.md), without
# an entrypoint that serves, so the whole command follows the image.
DEPLOY_IMAGE_TAG = {"vllm": "v{release}", "sglang": "v{release}", "trtllm": "{release}"}
TRTLLM_IMAGE = {"repository": "nvcr.io/nvidia/tensorrt-llm/release", "entrypoint": [], "source": "docs/source/installation/containers.md"}


def deploy_options(label, flags, spellings, yaml_keys=(), defaults=None):
    """The options of mapping.deployment: {"flag": name} where this version's parser has it, else why not.
    @p defaults: the facts' flag table, for the defaults the profile's table leaves out."""
    defaults = defaults or flags
    out = {}
    for field, name in spellings.items():
        f = flags.get(name)
        if f is None:
            hint = "set it in the YAML file (--config)" if field in yaml_keys else "use a version that has it"
            out[field] = U(f"{label} has no {name} option", hint)
        elif f.get("portable") is False:
            out[field] = U(f"{name} exists only in recent {label} builds; older 1.x releases reject it",
                           f"set {field} in the YAML file (--config)" if field in yaml_keys else "use a build that has it")
        elif f.get("deprecated") or f.get("errors_when_used"):
            sys.exit(f"{label}: the deployment option {name} is deprecated; decide what replaces it (tools/gen_profiles.py DEPLOY_*)")
        else:
            out[field] = {"flag": name}
            if field == "host" and defaults.get(name, {}).get("default") in LOOPBACK:
                out[field]["listen_all"] = "0.0.0.0"
    return out


def deployment_map(engine, label, flags, release, image, facts_flags, yaml_keys=()):
    m = {
        "gpu_count": DEPLOY_GPU_COUNT[engine],
        "tp_across_nodes": TP_ACROSS_NODES,
        "launchers": DEPLOY_LAUNCHERS[engine],
        "options": deploy_options(label, flags, DEPLOY_SPELLINGS[engine], yaml_keys, facts_flags),
    }
    if image:
        m["image"] = {"repository": image["repository"], "entrypoint": image.get("entrypoint", [])}
        if release:
            m["image"]["tag"] = DEPLOY_IMAGE_TAG[engine].format(release=release)
    return m


# Flag spellings shared by the versions of one engine (they differ in values, not in these).
VLLM_FIELDS = {
    "model": {"positional": True},
    "revision": {"flag": "--revision"},
    "method_flag": "--quantization",
    "kv_cache_flag": "--kv-cache-dtype",
    "dtype_flag": "--dtype",
    "tp_flag": "--tensor-parallel-size",
    "pp_flag": "--pipeline-parallel-size",
    "dp_flag": "--data-parallel-size",
    "expert_parallel": {"style": "enable_flag", "flag": "--enable-expert-parallel"},
}
SGLANG_FIELDS = {
    "model": {"flag": "--model-path"},
    "revision": {"flag": "--revision"},
    "method_flag": "--quantization",
    "kv_cache_flag": "--kv-cache-dtype",
    "dtype_flag": "--dtype",
    "tp_flag": "--tp-size",
    "pp_flag": "--pp-size",
    "dp_flag": "--dp-size",
    "expert_parallel": {"style": "size_divides_tp", "flag": "--ep-size"},
    "attention_target": {"flag": "--attention-backend"},
    "moe_backend_flag": "--moe-runner-backend",
}


# ---------------------------------------------------------------------------------------------
# The profiles. A profile's id is the release tag its facts were read at, or main-YYYY-MM-DD for a
# commit on main; "aliases" are the ids earlier quantcfg releases used (accepted with a note).
# "era" picks the hand-written mapping decisions above; "extra" the engine's flag spellings.

VLLM_MOE_2025 = {k: U("this vLLM has no --moe-backend flag (added 2026-02-25, #33807)", "use vLLM main-2026-08-14 or newer") if k != "auto" else {"omit": True}
                 for k in ("auto", "triton", "deep_gemm", "cutlass", "marlin", "flashinfer_cutlass", "flashinfer_mxfp4", "flashinfer_trtllm")}
VLLM_RENAMED = {"--tp-size": "--tensor-parallel-size", "--pp-size": "--pipeline-parallel-size", "--dp-size": "--data-parallel-size",
                "--ep-size": "--enable-expert-parallel", "--context-length": "--max-model-len", "--model-path": "MODEL (positional)"}
VLLM_NO_MOE_TP = {"note": "no engine has this flag: vLLM derives MoE TP (1 with --enable-expert-parallel, TP×DP without)"}
SGLANG_REMOVED = {"--enable-ep-moe": {"note": "removed from SGLang", "replacement": "--ep-size"},
                  "--moe-tp-size": {"note": "never existed in SGLang: MoE TP is derived as tp-size / ep-size", "replacement": "--ep-size"}}


def vllm_2026(facts):
    return dict(methods=VLLM_2026_METHODS, attention=ATTN_VLLM_2026, moe=moe_backend_map(facts["flags"]["--moe-backend"]["choices"]),
                extra={**VLLM_FIELDS, "attention_target": {"flag": "--attention-backend"}, "moe_backend_flag": "--moe-backend",
                       "capability_notes": capability_notes_vllm()},
                top={"removed_env": {"VLLM_ATTENTION_BACKEND": {"note": "removed on 2026-01-22 (#32812): vLLM no longer reads it, so it is silently ignored",
                                                                "replacement": "--attention-backend"}},
                     "renamed_flags": dict(VLLM_RENAMED, **{"--tp": "--tensor-parallel-size"})},
                removed_extra={"--moe-tp-size": VLLM_NO_MOE_TP})


def vllm_2025(facts):
    return dict(methods=VLLM_2025_METHODS, attention=ATTN_VLLM_2025, moe=VLLM_MOE_2025,
                extra={**VLLM_FIELDS, "attention_target": {"env": "VLLM_ATTENTION_BACKEND"}, "capability_notes": capability_notes_vllm()},
                top={"env": {"VLLM_ATTENTION_BACKEND": {"choices": facts["env"]["VLLM_ATTENTION_BACKEND"]["choices"]}},
                     "renamed_flags": VLLM_RENAMED},
                removed_extra={"--moe-tp-size": VLLM_NO_MOE_TP})


# The reader keeps a constraint only where its error message is in the source. In v0.5.6 the
# ep-divides-tp message is not there yet, but the integer division it guards is the same
# (python/sglang/srt/server_args.py @v0.5.6: moe_tp_size = tp_size // ep_size), so the rule holds.
SGLANG_056_CONSTRAINTS = [{
    "id": "ep-divides-tp", "kind": "divides", "divisor": "--ep-size", "dividend": "--tp-size",
    "message": "tp_size must be divisible by ep_size (MoE TP = tp_size // ep_size)",
    "source": "python/sglang/srt/server_args.py (v0.5.6: moe_tp_size = tp_size // ep_size)"}]


SGLANG_052_CONSTRAINTS = [dict(SGLANG_056_CONSTRAINTS[0], source="python/sglang/srt/distributed/parallel_state.py "
                                                             "(v0.5.2: moe_tp_size = tensor_model_parallel_size // moe_ep_size)")]


def sglang_era(methods, constraints=()):
    def era(facts):
        m = methods(facts) if callable(methods) else methods
        names = all_names(facts["flags"])
        extra = {**SGLANG_FIELDS, "capability_notes": capability_notes_sglang(), "capability_conditions": SGLANG_CAPABILITY_CONDITIONS}
        if "--moe-runner-backend" in facts["flags"]:
            moe = moe_backend_map(facts["flags"]["--moe-runner-backend"]["choices"])
        else:
            moe = SGLANG_MOE_NO_RUNNER
            del extra["moe_backend_flag"]
        if "--enable-ep-moe" in names and not EP_SIZE_ALONE_ENABLES_EP.get(facts["version"], True):
            extra["expert_parallel"] = SGLANG_048_EP
        # A flag this version still has is not "removed" here.
        removed = {k: v for k, v in SGLANG_REMOVED.items() if k not in names}
        return dict(methods=m, attention=ATTN_SGLANG, moe=moe, extra=extra, top={}, removed_extra=removed, constraints=list(constraints))
    return era


# SGLang v0.4.8.post1 has no --moe-runner-backend: it picks MoE kernels with switches
# (--enable-flashinfer-moe, --enable-ep-moe, --enable-deepep-moe).
SGLANG_MOE_NO_RUNNER = {k: U("this SGLang has no --moe-runner-backend flag (v0.4.8.post1 picks MoE kernels with --enable-flashinfer-moe / --enable-ep-moe)",
                             "use auto, or SGLang v0.5.2 or newer") if k != "auto" else {"omit": True}
                        for k in ("auto", "triton", "deep_gemm", "cutlass", "marlin", "flashinfer_cutlass", "flashinfer_mxfp4", "flashinfer_trtllm")}
# python/sglang/srt/layers/moe/ep_moe/layer.py @v0.4.8.post1, get_moe_impl_class(): EPMoE only with
# enable_ep_moe (or enable_deepep_moe); --ep-size alone leaves FusedMoE (tensor-parallel experts).
# server_args.py __post_init__: enable_ep_moe sets ep_size = tp_size. From v0.5.2 --ep-size alone
# selects expert parallelism (--enable-ep-moe is deprecated: "set --ep-size to ... --tp-size").
EP_SIZE_ALONE_ENABLES_EP = {"0.4.8.post1": False}
SGLANG_048_EP = {"style": "enable_flag", "flag": "--enable-ep-moe", "ep_size": "tp"}


# (engine, id, facts file, label, default, era, aliases)
PROFILES = [
    ("vllm", "partial-v0.29", "vllm-partial-main-2026-08-21+2-files.json",
     "main 2026-08-21 + 2 files of ≈ v0.29 (partial sources)", False, vllm_2026, []),
    ("vllm", "main-2026-08-21", "vllm-main-2026-08-21.json", "main 2026-08-21 (≈ v0.29-dev)", True, vllm_2026, []),
    ("vllm", "main-2026-08-14", "vllm-main-2026-08-14.json", "main 2026-08-14 (≈ v0.28-dev)", False, vllm_2026, ["2026-08"]),
    ("vllm", "main-2025-12-31", "vllm-main-2025-12-31.json", "main 2025-12-31 (≈ v0.14-dev; v0.13 users)", False, vllm_2025, ["2025-12"]),
    ("vllm", "v0.11.0", "vllm-v0.11.0.json", "v0.11.0 (2025-10-10)", False, vllm_2025, ["0.11.0"]),
    ("sglang", "partial-after-v0.5.19", "sglang-partial-main-2026-08-22-plus-index.json",
     "main 2026-08-22 + 3 files from after v0.5.19 (partial sources)", False, sglang_era(SGLANG_0518_METHODS), []),
    ("sglang", "main-2026-08-22", "sglang-main-2026-08-22.json", "main 2026-08-22 (after v0.5.18)", True, sglang_era(SGLANG_0518_METHODS), []),
    ("sglang", "v0.5.18", "sglang-v0.5.18.json", "v0.5.18 (2026-08-20)", False, sglang_era(SGLANG_0518_METHODS), ["0.5.18"]),
    ("sglang", "v0.5.6", "sglang-v0.5.6.json", "v0.5.6 (2025-12-02)", False, sglang_era(SGLANG_056_METHODS, SGLANG_056_CONSTRAINTS), ["0.5.6"]),
    # The inference-autotuner's images: lmsysorg/sglang:v0.5.2-cu126 (its default) and v0.4.8.post1-cu126.
    ("sglang", "v0.5.2", "sglang-v0.5.2.json", "v0.5.2 (2025-09-11)", False,
     sglang_era(lambda f: sglang_pre_056_methods(f, "v0.5.2"), SGLANG_052_CONSTRAINTS), []),
    ("sglang", "v0.4.8.post1", "sglang-v0.4.8.post1.json", "v0.4.8.post1 (2025-06-26)", False,
     sglang_era(lambda f: sglang_pre_056_methods(f, "v0.4.8.post1")), []),
]
TRTLLM_PROFILES = [
    # Read file by file from the public-code index, which gives no commit dates: the id names the
    # commit of the CLI reference instead (tools/enginefacts/trtllm.py).
    ("trtllm", "main-029e223d", "trtllm-main-029e223d.json", "main @029e223d (2026, ≈ 1.3/1.4-dev)", True, ["1.x"]),
]

# A method, KV-cache or MoE value that a version's parser no longer offers becomes unsupported
# there, with this advice (the reason is generated: "'marlin' is not a --quantization choice of …").
GONE_ADVICE = {
    "marlin": "set method to gptq_marlin or awq_marlin to match the checkpoint",
}


def facts_block(name, facts):
    prov = facts.get("provenance", {})
    block = {"file": "facts/" + name, "commit": prov.get("commit") or facts.get("commit")}
    for key in ("repository", "commit_date", "release_tag"):
        if prov.get(key):
            block[key] = prov[key]
    return block


def accepted(flag):
    """The values an argparse flag accepts, or None when it takes any value."""
    values = (flag or {}).get("choices") or (flag or {}).get("post_choices")
    if values is None:
        return None
    if flag.get("case_insensitive"):
        return {str(v).lower() for v in values}
    return {str(v) for v in values}


def drop_gone_values(profile):
    """Marks unsupported every mapping whose engine value the parser of this version rejects."""
    m = profile["mapping"]
    label = f"{profile['display_name']} {profile['version']}"
    for section, flag_key in (("methods", "method_flag"), ("kv_cache", "kv_cache_flag"), ("moe_backend", "moe_backend_flag"),
                              ("dtype", "dtype_flag"), ("attention", "attention_target")):
        flag_name = m.get(flag_key)
        if isinstance(flag_name, dict):  # attention_target: {"flag": ...} or {"env": ...}
            flag_name = flag_name.get("flag")
        values = accepted(profile["flags"].get(flag_name)) if flag_name else None
        if values is None:
            continue
        ci = profile["flags"][flag_name].get("case_insensitive", False)
        for key, entry in m[section].items():
            value = entry.get("value")
            if value is None or (value.lower() if ci else value) in values:
                continue
            advice = GONE_ADVICE.get(value, f"quantcfg versions diff {profile['engine']}@{profile['version']} {profile['engine']} shows what a newer version accepts")
            m[section][key] = U(f"'{value}' is not a {flag_name} choice of {label}", advice)
            print(f"note: {profile['engine']}@{profile['version']}: {section}.{key} -> unsupported ({value} is not a {flag_name} choice)",
                  file=sys.stderr)


def disappeared_in(had, chain):
    """The first profile of ``chain`` (oldest first) after the last one for which ``had`` holds."""
    last = max(i for i, p in enumerate(chain) if had(p))
    return chain[last + 1]["version"], chain[last]["version"]


def older_removals(profile, older, extra):
    """Flags an older profile of the engine had that this one lacks (under any name), each naming
    the version it disappeared in and the last one that had it."""
    mine = all_names(profile["flags"])
    chain = list(reversed(older)) + [profile]  # oldest first
    out = {}
    for prev in older:
        for name in sorted(all_names(prev["flags"]) - mine):
            if name not in out:
                gone, last = disappeared_in(lambda p: name in all_names(p["flags"]), chain)
                out[name] = {"note": f"removed from {profile['display_name']} in {gone} ({last} still had it)"}
    out.update(extra)
    return dict(sorted(out.items()))


def older_values(profile, older):
    """Values of a flag that an older profile accepted and this one refuses: lint names the version
    they disappeared in."""
    chain = list(reversed(older)) + [profile]
    out = {}
    for name, flag in profile["flags"].items():
        now = accepted(flag)
        if now is None:
            continue
        ci = flag.get("case_insensitive", False)
        for prev in older:
            values = accepted(prev["flags"].get(name))
            for value in sorted(values or ()):
                if value in now or value in out.get(name, {}):
                    continue
                gone, last = disappeared_in(lambda p: value in (accepted(p["flags"].get(name)) or ()), chain)
                out.setdefault(name, {})[value] = {"note": f"removed in {gone} ({last} still accepted it)"}
        if ci and name in out:
            out[name] = {v: n for v, n in out[name].items() if v.lower() not in now}
    return {k: dict(sorted(v.items())) for k, v in sorted(out.items()) if v}


def older_json_keys(profile, older):
    """Top-level keys of a JSON flag's config class that an older profile accepted and this one
    lacks: lint names the version they disappeared in."""
    chain = list(reversed(older)) + [profile]
    for name, flag in profile["flags"].items():
        if "json_keys" not in flag:
            continue
        had = lambda p, key: key in p["flags"].get(name, {}).get("json_keys", ())  # noqa: E731
        gone = {}
        for prev in older:
            for key in sorted(set(prev["flags"].get(name, {}).get("json_keys", ())) - set(flag["json_keys"]) - set(gone)):
                first_without, last = disappeared_in(lambda p: had(p, key), chain)
                gone[key] = f"accepted up to {profile['engine']} {last}; gone in {first_without}"
        if gone:
            flag["json_keys_removed"] = dict(sorted(gone.items()))


def dtype_min_capability(facts):
    """The facts' dtype capability rules (tools/enginefacts/dtype_rules.py), as they are: below
    "min", the dtype is refused ("error"), replaced ("falls back to float16") or only not listed
    by the engine's docs ("not listed"). Facts read before the readers had the rules have none."""
    if "dtype_min_capability" not in facts:
        return {}
    return {"dtype_min_capability": facts["dtype_min_capability"]}


ENTRY_POINT_KEYS = ("argv", "model", "strips", "routes", "deprecated", "source")
IMAGE_KEYS = ("repository", "entrypoint", "source")


def invocation(facts):
    """The canonical command, the other commands that start the same server and the Docker image
    whose ENTRYPOINT the words after the image go to: the facts' "entry_points" and "image" (read
    from the engine's source by tools/enginefacts/entrypoints.py) without their evidence."""
    # python3, not python: Debian/Ubuntu hosts often have no "python" (lint accepts both).
    inv = {"argv": ["python3" if w == "python" else w for w in facts["command"]]}
    if "entry_points" in facts:
        inv["entry_points"] = [{k: e[k] for k in ENTRY_POINT_KEYS if k in e} for e in facts["entry_points"]]
        if inv["argv"] not in [e["argv"] for e in inv["entry_points"]]:
            sys.exit(f"{facts.get('version')}: the canonical command {' '.join(inv['argv'])} is not among the "
                     "entry points read from the source (tools/enginefacts/entrypoints.py)")
    if "image" in facts:
        inv["image"] = {k: facts["image"][k] for k in IMAGE_KEYS}
    return inv

# The release each profile stands for, as its label says: lint picks the profile closest to the
# version a container image tag names (vllm/vllm-openai:v0.13.0 → main-2025-12-31).
RELEASES = {
    ("vllm", "main-2026-08-21"): "0.29.0", ("vllm", "main-2026-08-14"): "0.28.0", ("vllm", "main-2025-12-31"): "0.14.0",
    ("vllm", "v0.11.0"): "0.11.0", ("sglang", "main-2026-08-22"): "0.5.19", ("sglang", "v0.5.18"): "0.5.18",
    ("sglang", "v0.5.6"): "0.5.6", ("sglang", "v0.5.2"): "0.5.2", ("sglang", "v0.4.8.post1"): "0.4.8.post1",
    ("trtllm", "main-029e223d"): "1.3.0",
}


def profile_argparse(spec, order):
    engine, version, facts_name, label, default, era, aliases = spec
    facts = load(facts_name)
    d = era(facts)
    partial = facts.get("partial")
    flags = argparse_flags(facts)
    display = {"vllm": "vLLM", "sglang": "SGLang"}[engine]
    p = {
        "engine": engine,
        "display_name": display,
        "version": version,
        "version_aliases": aliases,
        "version_label": label,
        **({"release": RELEASES[(engine, version)]} if (engine, version) in RELEASES else {}),
        # A partial profile is dated by its base commit: its newer files carry no dates.
        "source_date": facts["provenance"]["commit_date"],
        "default": default,
        "order": order,
        "facts": facts_block(facts_name, facts),
        "invocation": invocation(facts),
        "parser": {
            "kind": "argparse",
            "underscore_dash_equivalent": facts["parser"].get("underscore_dash_equivalent", False),
            "json_dotted_args": facts["parser"].get("json_dotted_args", False),
            "allow_abbrev": facts["parser"].get("allow_abbrev", True),
            **{k: facts["parser"][k] for k in ("config_file_flag", "serve_model_flag") if facts["parser"].get(k)},
        },
        "flags": flags,
        "min_capability": facts["min_capability"],
        **dtype_min_capability(facts),
        "constraints": d.get("constraints", []) + facts["constraints"],
        "mapping": {
            "methods": dict(d["methods"]),
            "kv_cache": (kv_vllm if engine == "vllm" else kv_sglang)(facts["flags"]["--kv-cache-dtype"]["choices"]),
            # Copies: drop_gone_values rewrites entries per profile, and these tables are shared.
            "dtype": dict(DTYPES),
            "attention": dict(d["attention"]),
            "moe_backend": dict(d["moe"]),
            **d["extra"],
            "serving": serving_map(f"{display} {version}", flags, SERVING_SPELLINGS[engine], engine),
            "deployment": deployment_map(engine, f"{display} {version}", flags, RELEASES.get((engine, version)), facts.get("image"),
                                         facts["flags"]),
        },
    }
    if partial:
        p["partial"] = partial
    p.update(d["top"])
    drop_gone_values(p)
    return p, d["removed_extra"]


def profile_trtllm(spec, order):
    engine, version, facts_name, label, default, aliases = spec
    trt = load(facts_name)
    min_sm = dict(trt["min_sm"])
    flags = click_flags(trt)
    return {
        "engine": "trtllm",
        "display_name": "TensorRT-LLM",
        "version": version,
        "version_aliases": aliases,
        "version_label": label,
        **({"release": RELEASES[(engine, version)]} if (engine, version) in RELEASES else {}),
        "source_date": trt["provenance"].get("commit_date") or "",
        "default": default,
        "order": order,
        "facts": facts_block(facts_name, trt),
        # trtllm-serve MODEL and trtllm-serve serve MODEL are the same command (DefaultGroup).
        # A positional MODEL spelled like a subcommand is taken as that subcommand.
        "invocation": {"argv": trt["command"][:], "optional_subcommand": trt["subcommands"]["default_subcommand"],
                       "subcommands": trt["subcommands"]["subcommands"]},
        "aliases": ["tensorrt_llm", "tensorrt-llm", "trt-llm"],
        "autotuner_name": "tensorrt_llm",
        "parser": {"kind": "click", "underscore_dash_equivalent": False, "json_dotted_args": False, "allow_abbrev": False},
        "flags": flags,
        "min_capability": {},
        "min_sm": min_sm,
        # The facts' notes.min_sm_notes.MXFP8 ("Blackwell SM100/103") as a support list.
        "supported_sm": dict(trt["supported_sm"], MXFP8=[100]),
        "lowest_listed_sm": trt["lowest_listed_sm"],
        **dtype_min_capability(trt),
        "constraints": [],
        "yaml_keys": sorted(set(trt["llm_api_top_level_keys"]) | {k for k in trt["llm_api_yaml"] if "." in k}),
        "mapping": {
            "methods": TRTLLM_METHODS,
            "checkpoint_min_sm_key": TRTLLM_SM_KEY,
            "checkpoint_any_sm": TRTLLM_ANY_SM,
            "supported_sm_listed_as": TRTLLM_SM_LISTED_AS,
            "kv_cache": KV_TRTLLM,
            "dtype": DTYPES,
            "attention": ATTN_TRTLLM,
            "moe_backend": MOE_TRTLLM,
            "model": {"positional": True},
            "revision": {"unsupported": "--revision exists only in builds after 1.1, not in every 1.x release",
                         "suggestion": "download that revision (huggingface-cli download --revision R) and serve the directory"},
            "kv_cache_target": {"yaml": "kv_cache_config.dtype"},
            "dtype_target": {"yaml": "dtype"},
            "tp_flag": "--tp_size",
            "pp_flag": "--pp_size",
            "dp": {"unsupported": "trtllm-serve has no data-parallel size; enable_attention_dp is a different feature",
                   "suggestion": "start one server per replica behind a load balancer"},
            "expert_parallel": {"style": "size_with_tp_yaml", "flag": "--ep_size", "tp_yaml": "moe_tensor_parallel_size"},
            "attention_target": {"yaml": "attn_backend"},
            "moe_backend_target": {"yaml": "moe_config.backend"},
            "serving": serving_map("TensorRT-LLM", flags, SERVING_TRTLLM, "trtllm", trt["llm_api_yaml"]),
            "deployment": deployment_map("trtllm", "TensorRT-LLM", flags, RELEASES.get((engine, version)), TRTLLM_IMAGE,
                                         trt["flags"], trt["llm_api_yaml"]),
            "yaml_flag": "--extra_llm_api_options",
            "kv_min_sm": {"fp8": "KV_CACHE_FP8", "nvfp4": "KV_CACHE_NVFP4"},
            "capability_notes": capability_notes_trtllm(min_sm),
        },
        "removed_flags": {
            "--kv-cache-quant-algo": {"note": "use kv_cache_config.dtype in the --extra_llm_api_options YAML", "replacement": "--extra_llm_api_options"},
            "--kv_cache_quant_algo": {"note": "use kv_cache_config.dtype in the --extra_llm_api_options YAML", "replacement": "--extra_llm_api_options"},
            "--quant-algo": {"note": "no TensorRT-LLM CLI has a quantization option: the method comes from the checkpoint"},
            "--quant_algo": {"note": "no TensorRT-LLM CLI has a quantization option: the method comes from the checkpoint"},
        },
    }


def build():
    """Every profile, as {file name: document}."""
    order = {"vllm": 0, "sglang": 1, "trtllm": 2}
    built = {}
    by_engine = {}
    for spec in PROFILES:
        p, removed_extra = profile_argparse(spec, order[spec[0]])
        by_engine.setdefault(spec[0], []).append((p, removed_extra))
    for engine, profiles in by_engine.items():
        profiles.sort(key=lambda pe: pe[0]["source_date"], reverse=True)
        defaults = [p["version"] for p, _ in profiles if p["default"]]
        if len(defaults) != 1:
            sys.exit(f"{engine}: exactly one default profile expected, got {defaults}")
        for i, (p, removed_extra) in enumerate(profiles):
            if p.get("partial") and p["default"]:
                sys.exit(f"{engine}@{p['version']}: a profile read from partial sources is never the default")
            older = [q for q, _ in profiles[i + 1:] if not q.get("partial")]
            p["removed_flags"] = older_removals(p, older, removed_extra)
            if values := older_values(p, older):
                p["removed_values"] = values
            older_json_keys(p, older)
            built[f"{engine}-{p['version']}.json"] = p
    for spec in TRTLLM_PROFILES:
        p = profile_trtllm(spec, order["trtllm"])
        built[f"trtllm-{p['version']}.json"] = p
    return built


def text(doc):
    return json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=False) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true", help="compare with the committed profiles instead of writing them")
    args = ap.parse_args()
    built = build()
    on_disk = sorted(f for f in os.listdir(OUT) if f.endswith(".json"))
    if args.check:
        stale = []
        for name in sorted(set(on_disk) | set(built)):
            path = os.path.join(OUT, name)
            if name not in built:
                stale.append(f"{name}: no profile of that name is generated (remove it, or add it to tools/gen_profiles.py)")
                continue
            have = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            want = text(built[name])
            if have != want:
                diff = list(difflib.unified_diff(have.splitlines(), want.splitlines(), f"committed/{name}", f"generated/{name}", n=1, lineterm=""))
                stale.append(f"{name}: differs from what tools/gen_profiles.py makes of resources/engines/facts/\n" + "\n".join(diff[:40]))
        for s in stale:
            print(s)
        if stale:
            print("run tools/gen_profiles.py and commit the result")
            return 1
        print(f"{len(built)} profiles match their facts")
        return 0
    for name in on_disk:
        if name not in built:
            os.remove(os.path.join(OUT, name))
            print("removed", name)
    for name, p in built.items():
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            f.write(text(p))
        print("wrote", name, len(p["flags"]), "flags")
    return 0


if __name__ == "__main__":
    sys.exit(main())
