"""vLLM facts extractor: reads vLLM's own source statically and writes a facts JSON.

    python3 -m tools.enginefacts.vllm SRC [--rev REV] --repository vllm-project/vllm -o OUT.json

SRC is a vLLM work tree or a bare git directory (then --rev picks the commit). No vLLM code is
imported or run: the CLI is rebuilt by interpreting ``EngineArgs.add_cli_args`` and
``make_arg_parser`` over the parsed source (see ``CliInterpreter``), with the field-type rules
of ``get_kwargs`` in arg_utils.py applied to the config dataclasses' annotations.

What no source states as data (constraints, parser behaviour) is hand-written below, each item
with the evidence string that must be found in the named file for it to be kept.
"""
import argparse
import ast
import copy
import hashlib
import json
import os
import sys

from tools.enginefacts import entrypoints, pyast
from tools.enginefacts.dtype_rules import dtype_min_capability
from tools.enginefacts.provenance import SourceTree, write_facts
from tools.enginefacts.pyast import ClassRef, FuncRef, LiteralType, Marker, Partial, Unknown

ARG_UTILS = "vllm/engine/arg_utils.py"
# make_arg_parser moved from openai/ to launchers/ in v0.29; newest first.
PARSER_MODULES = ["vllm.entrypoints.launchers.cli_args", "vllm.entrypoints.openai.cli_args"]
QUANT_INIT = "vllm.model_executor.layers.quantization"
ENVS = "vllm/envs.py"
# FlexibleArgumentParser: vllm/utils/__init__.py up to v0.11, vllm/utils/argparse_utils.py later.
ARGPARSE_UTILS = ["vllm/utils/argparse_utils.py", "vllm/utils/__init__.py"]

# ---- hand-written judgements, each kept only if its evidence is in the source -------------------

# Constraint rules: no source states them as data. "evidence" is a fragment of the error message
# the engine raises; "files" are where it lives, newest location first (the parser checks moved
# from openai/cli_args.py to launchers/cli_args.py in v0.29), searched in that order.
CONSTRAINTS = [
    {"id": "deprecated-quant-needs-allow", "kind": "requires_flag",
     "if": {"flag": "--quantization", "in_field": "deprecated_choices"},
     "then": {"flag": "--allow-deprecated-quantization"},
     "message": "deprecated --quantization methods are rejected unless --allow-deprecated-quantization is set",
     "evidence": "allow-deprecated-quantization", "files": ["vllm/config/model.py"]},
    {"id": "eplb-needs-ep", "kind": "requires_flag", "if": {"flag": "--enable-eplb"},
     "then": {"flag": "--enable-expert-parallel"},
     "message": "--enable-eplb requires --enable-expert-parallel",
     "evidence": "enable_expert_parallel must be True to use EPLB", "files": ["vllm/config/parallel.py"]},
    {"id": "auto-tool-choice-needs-parser", "kind": "requires_flag", "if": {"flag": "--enable-auto-tool-choice"},
     "then": {"flag": "--tool-call-parser"},
     "message": "--enable-auto-tool-choice requires --tool-call-parser",
     "evidence": "--enable-auto-tool-choice requires --tool-call-parser",
     "files": ["vllm/entrypoints/launchers/cli_args.py", "vllm/entrypoints/openai/cli_args.py"]},
    {"id": "log-outputs-needs-log-requests", "kind": "requires_flag", "if": {"flag": "--enable-log-outputs"},
     "then": {"flag": "--enable-log-requests"},
     "message": "--enable-log-outputs requires --enable-log-requests",
     "evidence": "--enable-log-outputs requires --enable-log-requests",
     "files": ["vllm/entrypoints/launchers/cli_args.py", "vllm/entrypoints/openai/cli_args.py"]},
    {"id": "per-request-metrics-vs-disable-log-stats", "kind": "conflicts",
     "flags": ["--enable-per-request-metrics", "--disable-log-stats"],
     "message": "--enable-per-request-metrics cannot be combined with --disable-log-stats",
     "evidence": "--enable-per-request-metrics", "files": [
         "vllm/entrypoints/launchers/cli_args.py", "vllm/entrypoints/openai/cli_args.py"]},
    # Seen in launchers/cli_args.py of ~v0.29 (validate_parsed_serve_args). Kind min_value is not
    # checked by core/engines/lint.cpp yet (it skips kinds it does not know).
    {"id": "sse-keep-alive-non-negative", "kind": "min_value", "flag": "--sse-keep-alive-interval", "min": 0,
     "message": "--sse-keep-alive-interval must be a non-negative integer (0 disables keep-alive comments)",
     "evidence": "--sse-keep-alive-interval must be a non-negative integer",
     "files": ["vllm/entrypoints/launchers/cli_args.py", "vllm/entrypoints/openai/cli_args.py"]},
    # KernelConfig.set_platform_defaults -> validate_flashinfer_moe_ep_model (config/kernel.py, ~v0.29).
    # The value and architecture lists are read from the named constants of that file.
    {"id": "flashinfer-moe-ep-needs-deepseek-v4", "kind": "value_requires_architecture",
     "flag": "--moe-backend", "values": ("vllm.config.kernel", "FLASHINFER_MOE_EP_BACKENDS"),
     "architectures": ("vllm.config.kernel", "FLASHINFER_MOE_EP_ARCHITECTURES"),
     "message": "the flashinfer_moe_ep --moe-backend values are only supported for DeepSeek-V4 models",
     "evidence": "is only supported for DeepSeek-V4", "files": ["vllm/config/kernel.py"]},
]

# Dtype capability rules (see tools/enginefacts/dtype_rules.py), CUDA platform only.
# vllm/platforms/cuda.py, CudaPlatform.check_if_supports_dtype: `if dtype == torch.bfloat16: if not
# cls.has_device_capability(80): raise ValueError("Bfloat16 is only supported on GPUs with compute
# capability of at least 8.0. ... --dtype=half.")`, called by the GPU worker at start-up with the
# resolved model dtype (vllm/v1/worker/gpu_worker.py; vllm/worker/worker.py before V1). float16
# and float32 are never refused there.
# vllm/config/model.py, _resolve_auto_dtype (dtype "auto"): a checkpoint dtype the platform does not
# support becomes supported_dtypes[0] with the warning "... Falling back to %s for compatibility."
# (a float32 checkpoint is downcast to it silently); CudaPlatform.supported_dtypes is [float16,
# float32] from SM60 below SM80 ("Pascal, Volta and Turing NVIDIA GPUs, BF16 is not supported"):
# auto gives float16 there, never bfloat16.
DTYPE_RULES = [
    {"dtype": "bfloat16", "min": 80, "behaviour": "error",
     "evidence": "Bfloat16 is only supported on GPUs with compute capability of at least 8.0",
     "files": ["vllm/platforms/cuda.py"],
     "also": [("check_if_supports_dtype", ["vllm/v1/worker/gpu_worker.py", "vllm/worker/worker.py"])]},
    {"dtype": "auto", "min": 80, "behaviour": "falls back to float16",
     "evidence": "Falling back to %s for compatibility", "files": ["vllm/config/model.py"],
     "also": [("Pascal, Volta and Turing NVIDIA GPUs, BF16 is not supported", ["vllm/platforms/cuda.py"])]},
]

# FlexibleArgumentParser behaviour (vllm/utils/argparse_utils.py): key -> (value, evidence).
# Evidence is searched in the file's text and in its string constants (see find_evidence); the
# first entry of a key whose evidence is found wins.
PARSER_FACTS = [
    ("underscore_dash_equivalent", True, 'replace("_", "-")'),
    ("underscore_dash_equivalent", True, "replace('_', '-')"),
    ("json_dotted_args", True, 'processed_arg.split(".")'),
    ("json_dotted_args", True, "processed_arg.split('.')"),
    ("allow_abbrev", True, "class FlexibleArgumentParser"),
    ("config_file_flag", "--config", "--config"),
    # `vllm serve … --model X`: up to v0.11 parse_args raises ValueError ("you should provide the
    # model as a positional argument"); later it moves the value into the positional, with a warning.
    ("serve_model_flag", "error", "if model_in_cli_args:\n                raise ValueError("),
    ("serve_model_flag", "moved", "model_tag = args[model_idx + 1]"),
    # argparse_utils.py: -O3 / -O=3 / -O 3 are rewritten to --optimization-level 3 ...
    ("optimization_level_shorthand", "-O<n> / -O=<n> / -O <n> == --optimization-level <n>",
     "--optimization-level"),
    # ... and up to v0.11 (utils/__init__.py) to -O.level=<n>, i.e. --compilation-config.level.
    ("optimization_level_shorthand", "-O<n> / -O=<n> / -O <n> == --compilation-config.level <n>",
     "-O.level="),
]

# How the value of a JSON flag with a config class becomes that class. pydantic applies the class's
# `extra` setting either way, so unknown keys are rejected exactly where that setting is "forbid"
# (read from the class's decorators, see class_extra). dest None: the flags whose argparse type is
# still parse_dataclass; the others are the flags arg_utils swaps to json.loads and builds later.
# "normalize": (how the keys are rewritten before the class sees them, evidence), optional.
JSON_BUILDERS = [
    # _compute_kwargs: parse_dataclass validates the JSON as the class while parsing; its
    # ValidationError becomes argparse's error.
    {"dest": None, "evidence": "TypeAdapter(cls).validate_json", "files": [ARG_UTILS]},
    # create_speculative_config (main from 2026 first rewrites "-" in the keys to "_").
    {"dest": "speculative_config", "evidence": "SpeculativeConfig(**self.speculative_config)", "files": [ARG_UTILS],
     "normalize": ("dash_to_underscore", 'k.replace("-", "_"): v for k, v in self.speculative_config.items()')},
    {"dest": "diffusion_config", "evidence": "DiffusionConfig(**cfg)", "files": [ARG_UTILS]},
]
# pydantic's default `extra` (ConfigDict.extra, the same for pydantic dataclasses): unknown keys
# are dropped silently. Not a vLLM fact, so no evidence; it only ever makes a flag less strict.
PYDANTIC_DEFAULT_EXTRA = "ignore"
PYDANTIC_DATACLASS = "pydantic.dataclasses.dataclass"

# --quantization takes `QuantizationMethods | str` (a metavar, not argparse choices); vLLM checks
# the value after parsing (ModelConfig._verify_quantization: "Unknown quantization method").
QUANT_CHECK_EVIDENCE = ("vllm/config/model.py", "Unknown quantization method")

TYPE_NAMES = {"int": "int", "str": "str", "float": "float", "bool": "bool",
              "json.loads": "json", "parse_dataclass": "json", "union_dict_and_str": "json_or_str",
              "human_readable_int": "int_hr", "human_readable_int_or_auto": "int_hr_or_auto"}


NO_DEFAULT = object()  # a dataclass field without a default


class ExtractError(Exception):
    """The tree lacks something the extractor cannot do without."""


class ReturnSignal(Exception):
    def __init__(self, value):
        self.value = value


class CliInterpreter(pyast.Evaluator):
    """Runs the statements of argparse-building functions symbolically and records the flags."""

    def __init__(self, mods):
        super().__init__(mods)
        self.flags = {}
        self.positionals = []
        self.unresolved = []
        self._kwargs_cache = {}
        self._hr = None
        self.stack = []

    # -- get_kwargs(Config) -------------------------------------------------------------------
    def human_readable_sets(self):
        """Field names that get_kwargs gives human-readable int parsers (read from its source)."""
        if self._hr is None:
            hr, auto = set(), set()
            tree = self.mods.get("vllm.engine.arg_utils")
            for node in ast.walk(tree):
                if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "human_readable_int_args"
                                                        for t in node.targets):
                    v = self.eval(node.value, "vllm.engine.arg_utils")
                    if isinstance(v, list):
                        hr |= set(v)
                if isinstance(node, ast.If) and isinstance(node.test, ast.Compare) and \
                        ast.unparse(node.test.left) == "name" and \
                        "human_readable_int_or_auto" in ast.unparse(node.body[0]):
                    c = node.test.comparators[0]
                    if isinstance(c, ast.Constant):
                        auto.add(c.value)
            self._hr = (hr, auto)
        return self._hr

    def field_kwargs(self, name, hints, default):
        """The argparse kwargs ``_compute_kwargs`` gives one dataclass field."""
        kinds = {h.kind for h in hints}
        builtins = {h.name for h in hints if h.kind == "builtin"}
        generics = {h.name: h for h in hints if h.kind == "generic"}
        has_none = "none" in kinds
        kw = {}
        if default is not NO_DEFAULT and not isinstance(default, (Unknown, Marker, ClassRef, Partial)):
            kw["default"] = default
        dc = next((h for h in hints if h.kind == "dataclass"), None)
        lit = [h for h in hints if h.kind == "literal"]
        if dc is not None:
            kw["type"] = Marker("parse_dataclass", cls=dc.name)
            kw["_schema"] = dc.name
        elif kinds <= {"builtin", "none"} and builtins == {"bool", "str"} and has_none:
            kw.update(type=Marker("str"), nargs="?", const=True)
        elif "bool" in builtins:
            kw["action"] = Marker("argparse.BooleanOptionalAction")
        elif lit:
            values = [v for h in lit for v in h.values]
            kw["type"] = Marker(type(values[0]).__name__)
            kw["metavar" if "str" in builtins else "choices"] = sorted(values, key=lambda v: (str(type(v)), v))
        elif any(g in generics for g in ("tuple", "list", "set")):
            g = generics.get("tuple") or generics.get("list") or generics.get("set")
            elem_hints = []
            if g.args:
                elem_node, mod = g.args[0]
                elem_hints = pyast.type_hints(self, elem_node, mod)
            ek = {h.kind for h in elem_hints}
            if len(elem_hints) > 1 and any(h.kind == "builtin" and h.name == "str" for h in elem_hints):
                kw["type"] = Marker("str")
            elif ek == {"literal"}:
                values = [v for h in elem_hints for v in h.values]
                kw["type"] = Marker(type(values[0]).__name__)
                kw["choices"] = sorted(values)
            elif ek == {"builtin"}:
                kw["type"] = Marker(elem_hints[0].name)
            else:
                kw["type"] = Marker("str")
            ellipsis = g.args and any(isinstance(a, ast.Constant) and a.value is Ellipsis for a, _ in g.args)
            kw["nargs"] = "+" if g.name != "tuple" or ellipsis or not g.args else len(g.args)
        elif "int" in builtins:
            hr, auto = self.human_readable_sets()
            kw["type"] = Marker("human_readable_int_or_auto" if name in auto else
                                "human_readable_int" if name in hr else "int")
        elif "float" in builtins:
            kw["type"] = Marker("float")
        elif "dict" in generics and ("str" in builtins or kinds - {"builtin", "generic", "none", "any"}):
            kw["type"] = Marker("union_dict_and_str")
        elif "dict" in generics:
            kw["type"] = Marker("json.loads")
        else:
            kw["type"] = Marker("str")
            enum = next((h for h in hints if h.kind == "enum"), None)
            if enum is not None:
                kw["_enum"] = enum.ref
        if has_none and "bool" not in builtins:
            kw["_optional"] = True
            if kw.get("choices"):
                kw["choices"] = kw["choices"] + ["None"]
        return kw

    def get_kwargs(self, cref):
        key = (cref.module, cref.name)
        if key not in self._kwargs_cache:
            out = {}
            for name, ann, default_node, mod in pyast.dataclass_fields(self.mods, cref):
                hints = pyast.type_hints(self, ann, mod)
                default = self.eval(default_node, mod) if default_node is not None else NO_DEFAULT
                kw = self.field_kwargs(name, hints, default)
                kw["_owner"] = cref
                kw["_field"] = name
                # field(init=False): internal state, not accepted from the user (JSON fields skip it)
                kw["_init"] = not (isinstance(default_node, ast.Call) and any(
                    k.arg == "init" and isinstance(k.value, ast.Constant) and k.value.value is False
                    for k in default_node.keywords))
                out[name] = kw
            self._kwargs_cache[key] = out
        return copy.deepcopy(self._kwargs_cache[key])

    # -- interpretation --------------------------------------------------------------------------
    def run(self, fref, args=(), kwargs=None, cls=None):
        node = fref.node
        if len(self.stack) > 12 or any(f is node for f in self.stack):
            return Unknown(node.name + "(...)")
        env = {}
        params = [a.arg for a in node.args.posonlyargs + node.args.args]
        is_cm = any(ast.unparse(d) == "classmethod" for d in node.decorator_list)
        if params and (is_cm or fref.owner is not None and params[0] in ("cls", "self")):
            env[params[0]] = cls or fref.owner
            params = params[1:]
        for p, v in zip(params, args):
            env[p] = v
        env.update(kwargs or {})
        env["__class__"] = fref.owner
        self.stack.append(node)
        try:
            self.block(node.body, fref.module, env)
        except ReturnSignal as r:
            return r.value
        finally:
            self.stack.pop()
        return None

    def block(self, body, module, env):
        for st in body:
            self.statement(st, module, env)

    def statement(self, st, module, env):
        ev = lambda n: self._eval(n, module, env)  # noqa: E731
        if isinstance(st, ast.Expr):
            ev(st.value)
        elif isinstance(st, ast.Assign):
            value = ev(st.value)
            for t in st.targets:
                self.assign(t, value, module, env)
        elif isinstance(st, ast.AnnAssign) and st.value is not None:
            self.assign(st.target, ev(st.value), module, env)
        elif isinstance(st, ast.AugAssign) and isinstance(st.op, ast.Add):
            cur = ev(st.target)
            val = ev(st.value)
            if isinstance(cur, list) and isinstance(val, (list, tuple)):
                cur.extend(val)
                self.assign(st.target, cur, module, env)
            elif isinstance(cur, list):
                self.assign(st.target, Partial(cur, [ast.unparse(st.value)]), module, env)
        elif isinstance(st, ast.Delete):
            for t in st.targets:
                if isinstance(t, ast.Subscript):
                    obj, key = ev(t.value), ev(t.slice)
                    if isinstance(obj, dict) and not isinstance(key, Unknown):
                        obj.pop(key, None)
        elif isinstance(st, ast.If):
            test = ev(st.test)
            if isinstance(test, bool):
                self.block(st.body if test else st.orelse, module, env)
            else:
                self.block(st.body, module, env)
                self.block(st.orelse, module, env)
        elif isinstance(st, ast.For):
            it = ev(st.iter)
            if isinstance(it, dict):
                it = list(it)
            if isinstance(it, (list, tuple)):
                for x in it:
                    self.assign(st.target, x, module, env)
                    self.block(st.body, module, env)
            else:
                self.unresolved.append(ast.unparse(st.iter))
        elif isinstance(st, ast.Return):
            raise ReturnSignal(ev(st.value) if st.value is not None else None)
        elif isinstance(st, ast.ImportFrom):
            src = self.mods.absolute(module, st.level, st.module or "", self.mods.is_package(module))
            for a in st.names:
                r = self.mods.find_top(src, a.name)
                if r is not None:
                    env[a.asname or a.name] = self._from_def(r, a.name)
        elif isinstance(st, (ast.Try, ast.With)):
            self.block(st.body, module, env)

    def assign(self, target, value, module, env):
        if isinstance(target, ast.Name):
            env[target.id] = value
        elif isinstance(target, ast.Subscript):
            obj, key = self._eval(target.value, module, env), self._eval(target.slice, module, env)
            if isinstance(obj, dict) and not isinstance(key, Unknown):
                obj[key] = value
        elif isinstance(target, ast.Tuple) and isinstance(value, (list, tuple)) and len(value) == len(target.elts):
            for t, v in zip(target.elts, value):
                self.assign(t, v, module, env)

    def call(self, node, module, env):
        f = node.func
        if isinstance(f, ast.Attribute):
            # super().method(...)
            if isinstance(f.value, ast.Call) and ast.unparse(f.value.func) == "super":
                owner = env.get("__class__")
                for b in pyast.class_bases(self.mods, owner) if owner else []:
                    if isinstance(b, ClassRef):
                        m = pyast.class_method(self.mods, b, f.attr)
                        if m:
                            return self.run(FuncRef(m[0].module, m[1], owner=m[0]),
                                            self.call_args(node, module, env), cls=env.get("cls"))
                return Unknown(ast.unparse(node))
            obj = self._eval(f.value, module, env)
            if f.attr == "add_argument":
                self.add_argument(node, module, env)
                return None
            if f.attr in ("add_argument_group", "add_mutually_exclusive_group"):
                return Marker("parser")
            if isinstance(obj, dict):
                args = self.call_args(node, module, env)
                if f.attr == "pop":
                    return obj.pop(args[0], args[1] if len(args) > 1 else None) if args else None
                if f.attr == "update" and args and isinstance(args[0], dict):
                    obj.update(args[0])
                    return None
                if f.attr == "setdefault" and args:
                    return obj.setdefault(args[0], args[1] if len(args) > 1 else None)
            if isinstance(obj, list) and f.attr in ("append", "extend"):
                args = self.call_args(node, module, env)
                if f.attr == "append" and args:
                    obj.append(args[0])
                elif args and isinstance(args[0], (list, tuple)):
                    obj.extend(args[0])
                return None
            if isinstance(obj, ClassRef):
                m = pyast.class_method(self.mods, obj, f.attr)
                if m is not None:
                    return self.run(FuncRef(m[0].module, m[1], owner=m[0]), self.call_args(node, module, env),
                                    cls=obj)
        fn = self._eval(f, module, env)
        if isinstance(fn, FuncRef) and fn.node.name == "get_kwargs" and node.args:
            c = self._eval(node.args[0], module, env)
            if isinstance(c, ClassRef):
                return self.get_kwargs(c)
            return Unknown(ast.unparse(node))
        if isinstance(fn, FuncRef) and fn.node.name == "optional_type" and node.args:
            return Marker("optional_type", inner=self._eval(node.args[0], module, env))
        if isinstance(fn, FuncRef) and fn.node.name == "parse_type" and node.args:
            return self._eval(node.args[0], module, env)
        if isinstance(fn, FuncRef) and fn.node.name in ("make_arg_parser", "add_cli_args"):
            return self.run(fn, self.call_args(node, module, env))
        return super().call(node, module, env)

    def call_args(self, node, module, env):
        return [self._eval(a, module, env) for a in node.args if not isinstance(a, ast.Starred)]

    # -- recording -------------------------------------------------------------------------------
    def add_argument(self, node, module, env):
        names = []
        for a in node.args:
            if isinstance(a, ast.Starred):
                v = self._eval(a.value, module, env)
                if isinstance(v, (list, tuple)):
                    names.extend(v)
                else:
                    self.unresolved.append(ast.unparse(a))
            else:
                names.append(self._eval(a, module, env))
        kw = {}
        for k in node.keywords:
            v = self._eval(k.value, module, env)
            if k.arg is None:
                if isinstance(v, dict):
                    kw.update(v)
                else:
                    self.unresolved.append(ast.unparse(k.value))
            else:
                kw[k.arg] = v
                if k.arg == "choices":
                    kw["_choices_src"] = ast.unparse(k.value)
        if not names or not all(isinstance(n, str) for n in names):
            self.unresolved.append(ast.unparse(node))
            return
        self.record(names, kw)

    def record(self, names, kw):
        longs = [n for n in names if n.startswith("--")]
        if not longs and not names[0].startswith("-"):
            p = {"name": names[0], "dest": kw.get("dest", names[0])}
            p.update(self.type_entry(kw))
            if "nargs" in kw:
                p["nargs"] = kw["nargs"]
            self.positionals.append(p)
            return
        key = longs[0] if longs else names[0]
        e = {}
        action = kw.get("action")
        if isinstance(action, Marker) and action.name.endswith("BooleanOptionalAction"):
            e.update(action="boolean_optional", type="bool", nargs=0)
            e["negations"] = ["--no-" + n[2:] for n in longs]
        elif action in ("store_true", "store_false"):
            e.update(action=action, type="bool", nargs=0)
        elif isinstance(action, str):
            e["action"] = action
        elif isinstance(action, ClassRef):
            e["action"] = {"custom_action": action.name}
            if "deprecat" in action.name.lower():
                e["deprecated"] = True
        if "type" not in e:
            e.update(self.type_entry(kw))
        if "nargs" in kw and "nargs" not in e:
            e["nargs"] = kw["nargs"]
        if "const" in kw and isinstance(kw["const"], (bool, int, float, str)):
            e["const"] = kw["const"]
        d = kw.get("default", None)
        if d is not None and not isinstance(d, (Unknown, Marker, ClassRef, Partial, dict)) and \
                not (isinstance(d, list) and any(isinstance(x, (Unknown, Marker)) for x in d)):
            e["default"] = list(d) if isinstance(d, tuple) else d
        e["dest"] = kw.get("dest") if isinstance(kw.get("dest"), str) else key.lstrip("-").replace("-", "_")
        aliases = [n for n in names if n != key]
        if aliases:
            e["aliases"] = aliases
        if kw.get("deprecated") is True:
            e["deprecated"] = True
        if "choices" in kw:
            c = kw["choices"]
            if isinstance(c, Partial):
                e["choices"] = [self.choice_str(x) for x in c.known]
                e["choices_dynamic_extra"] = c.dynamic
            elif isinstance(c, (list, tuple)) and all(
                    isinstance(x, (str, int, float, tuple)) or hasattr(x, "member") for x in c):
                e["choices"] = [self.choice_str(x) for x in c]
            elif isinstance(c, LiteralType):
                e["choices"] = [self.choice_str(x) for x in c.values]
            else:
                # Never list() an unresolved expression: it would become single characters.
                e["choices_dynamic"] = kw.get("_choices_src") or getattr(c, "expr", repr(c))
        if isinstance(kw.get("metavar"), list):
            e["suggested_values"] = [self.choice_str(x) for x in kw["metavar"]]
        enum = kw.get("_enum")
        if isinstance(enum, ClassRef):
            e["enum_class"] = enum.name
            e.update(self.enum_post_parse(enum, kw.get("_owner"), kw.get("_field")))
            if e.get("optional"):
                # optional_type() turns "None" and "" into None before the enum lookup.
                e["post_parse_choices"] += ["None", ""]
        elif kw.get("_owner") is not None:
            norm = self.validator_kind(kw["_owner"], kw["_field"])
            if norm == "lower_dash":
                e["normalize"] = "lower_dash_to_underscore"
        if kw.get("_schema") and e.get("type") in ("json", "json_or_str"):
            # The JSON is validated as this config class (even where arg_utils swaps the argparse
            # type for json.loads to delay the validation, as for --speculative-config).
            e["json_schema_class"] = kw["_schema"]
            t = kw.get("type")
            e["_json_cls"] = kw.get("_owner"), kw["_schema"], isinstance(t, Marker) and t.name == "parse_dataclass"
        self.flags[key] = e

    @staticmethod
    def choice_str(x):
        if isinstance(x, tuple):
            return ",".join(str(i) for i in x)
        if isinstance(x, Marker) and hasattr(x, "member"):
            return x.member
        return x if isinstance(x, (str, int, float)) else str(x)

    def type_entry(self, kw):
        t = kw.get("type")
        out = {}
        if kw.get("_optional"):
            out["optional"] = True
        if isinstance(t, Marker) and t.name == "optional_type":
            out["optional"] = True
            t = t.inner
        if t is None:
            out["type"] = "str"
        elif isinstance(t, Marker):
            name = t.name.split(".")[-1] if t.name != "json.loads" else t.name
            if t.name == "lambda":
                body = ast.unparse(t.node.body)
                out["type"] = "str"
                if ".lower()" in body and "replace('-', '_')" in body:
                    out["normalize"] = "lower_dash_to_underscore"
                elif ".split(',')" in body:
                    out["type_detail"] = {"custom": "lambda", "format": "comma_separated"}
                else:
                    out["type_detail"] = {"custom": "lambda"}
            else:
                out["type"] = TYPE_NAMES.get(t.name, TYPE_NAMES.get(name, name))
        elif isinstance(t, FuncRef):
            out["type"] = TYPE_NAMES.get(t.node.name, t.node.name)
        elif isinstance(t, ClassRef):
            out["type"] = t.name
        else:
            out["type"] = "str"
        return out

    def validators(self, owner, field):
        """Sources of pydantic ``field_validator(field, mode="before")`` methods of the owner class."""
        out = []
        for node in owner.node.body:
            if not isinstance(node, ast.FunctionDef):
                continue
            for d in node.decorator_list:
                if isinstance(d, ast.Call) and ast.unparse(d.func).endswith("field_validator") and \
                        any(isinstance(a, ast.Constant) and a.value == field for a in d.args):
                    out.append(ast.unparse(node))
        return out

    def validator_kind(self, owner, field):
        for src in self.validators(owner, field):
            if ".lower()" in src and "replace('-', '_')" in src:
                return "lower_dash"
            if ".upper()]" in src:
                return "upper_name"
        return None

    def enum_post_parse(self, enum, owner, field):
        members = pyast.enum_members(enum)
        int_enum = any(isinstance(b, str) and b == "IntEnum" for b in pyast.class_bases(self.mods, enum))
        if int_enum:
            vals = [str(self.eval(v, enum.module)) for _, v in members]
        else:
            vals = [m for m, _ in members]
        out = {"post_parse_choices": vals}
        if owner is not None and self.validator_kind(owner, field) == "upper_name":
            out["post_parse_case_insensitive"] = True
        if owner is not None and any('.lower() == \'auto\'' in v for v in self.validators(owner, field)):
            vals.append("auto")
        return out

    def json_fields(self, cls_name, owner):
        """Fields of the config dataclass a JSON flag accepts: name -> {type, choices}."""
        r = self.mods.find_top(owner.module, cls_name) if owner else None
        if not r or r[0] != "class":
            return None
        kw = self.get_kwargs(ClassRef(r[1], r[2]))
        out = {}
        for name, k in kw.items():
            if not k["_init"]:
                continue
            ent = self.type_entry(k)
            if isinstance(k.get("action"), Marker):
                ent["type"] = "bool"
            f = {"type": ent["type"]}
            if ent.get("optional"):
                f["optional"] = True
            if "nargs" in k:
                f["list"] = True
            if k.get("choices"):
                f["choices"] = [self.choice_str(x) for x in k["choices"] if x != "None"]
            if isinstance(k.get("metavar"), list):
                f["suggested_values"] = [self.choice_str(x) for x in k["metavar"]]
            if isinstance(k.get("_enum"), ClassRef):
                f["enum_class"] = k["_enum"].name
                f.update(self.enum_post_parse(k["_enum"], k["_owner"], name))
            if isinstance(k.get("type"), Marker) and k["type"].name == "parse_dataclass":
                f["json_schema_class"] = k["type"].cls
            out[name] = f
        return dict(sorted(out.items()))


# ---- whole-tree extraction ------------------------------------------------------------------------

def find_parser_module(mods):
    for m in PARSER_MODULES:
        tree = mods.get(m)
        if tree is not None and any(isinstance(n, ast.FunctionDef) and n.name == "make_arg_parser"
                                    for n in tree.body):
            return m
    raise ExtractError("cannot find make_arg_parser in " + " or ".join(PARSER_MODULES))


def extract_cli(mods, notes):
    interp = CliInterpreter(mods)
    pm = find_parser_module(mods)
    node = next(n for n in mods.get(pm).body if isinstance(n, ast.FunctionDef) and n.name == "make_arg_parser")
    interp.run(FuncRef(pm, node), [Marker("parser")])
    for u in sorted(set(interp.unresolved)):
        notes.append(f"not statically resolved while building the parser: {u}")
    for name, e in interp.flags.items():
        jc = e.pop("_json_cls", None)
        if jc:
            jf = interp.json_fields(jc[1], jc[0])
            if jf is not None:
                e["json_fields"] = jf
                json_extra(mods, name, e, jc, notes)
    return interp, pm


def imported_as(mods, module, name):
    """"pkg.mod.attr" where ``module`` binds ``name`` by a top-level ``from pkg.mod import attr``."""
    for node in mods.get(module).body:
        if isinstance(node, ast.ImportFrom) and node.level == 0:
            for a in node.names:
                if (a.asname or a.name) == name:
                    return f"{node.module}.{a.name}"
    return None


def config_dict_extra(call):
    """X of ``ConfigDict(extra=X)`` in a call, directly or as its ``config=`` argument."""
    if not isinstance(call, ast.Call):
        return None
    if ast.unparse(call.func).split(".")[-1] == "ConfigDict":
        return next((k.value.value for k in call.keywords if k.arg == "extra" and isinstance(k.value, ast.Constant)),
                    None)
    return next((config_dict_extra(k.value) for k in call.keywords if k.arg == "config"), None)


def decorator_extra(mods, module, fn):
    """The ``extra`` a decorator function of the tree gives the pydantic dataclasses it makes
    (vllm/config/utils.py ``config`` from 2026: ``merged_config = ConfigDict(extra="forbid")``)."""
    calls = [n for n in ast.walk(fn) if isinstance(n, ast.Call)]
    if not any(isinstance(c.func, ast.Name) and imported_as(mods, module, c.func.id) == PYDANTIC_DATACLASS
               for c in calls):
        return None
    return next((x for c in calls if (x := config_dict_extra(c)) is not None), None)


def class_extra(mods, cref):
    """(pydantic ``extra`` of a config class, where it is set), read from its decorators, or None
    where the class is no pydantic dataclass the reader recognises."""
    path = mods.path_of(cref.module)
    for d in cref.node.decorator_list:
        fn = d.func if isinstance(d, ast.Call) else d
        if not isinstance(fn, ast.Name):
            continue
        given = config_dict_extra(d)  # @config(config=ConfigDict(extra=...)) overrides the default
        if imported_as(mods, cref.module, fn.id) == PYDANTIC_DATACLASS:
            if given is not None:
                return given, f"{path}: @{fn.id}(config=ConfigDict(extra={given!r}))"
            return PYDANTIC_DEFAULT_EXTRA, f"{path}: pydantic dataclass without extra (pydantic's default)"
        r = mods.find_top(cref.module, fn.id)
        if r and r[0] == "func" and (default := decorator_extra(mods, r[1], r[2])) is not None:
            if given is not None:
                return given, f"{path}: @{fn.id}(config=ConfigDict(extra={given!r}))"
            return default, f"{mods.path_of(r[1])}: @{fn.id} makes ConfigDict(extra={default!r})"
    return None


def json_extra(mods, name, e, json_cls, notes):
    """Records whether the config class of a JSON flag takes unknown keys (json_extra, pydantic's
    word) and how the value reaches it; kept only where JSON_BUILDERS' evidence is found."""
    owner, schema, parsed = json_cls
    r = mods.find_top(owner.module, schema)
    extra = class_extra(mods, ClassRef(r[1], r[2]))
    if extra is None:
        notes.append(f"{name}: {schema} is no pydantic dataclass the reader recognises; json_extra not recorded")
        return
    dest = None if parsed else e["dest"]
    builder = next((b for b in JSON_BUILDERS if b["dest"] == dest), None)
    where = builder and find_evidence(mods.tree, builder["files"], builder["evidence"])
    if not where:
        why = f"{builder['evidence']!r} not found in " + ", ".join(builder["files"]) if builder else \
            "JSON_BUILDERS names no way it is built"
        notes.append(f"{name}: json_extra dropped: how its value becomes {schema} is not known ({why})")
        return
    e["json_extra"], e["json_extra_source"] = extra
    e["json_validated_by"] = f"{where}: {builder['evidence']}"
    if builder.get("normalize") and find_evidence(mods.tree, [where], builder["normalize"][1]):
        e["json_keys_normalize"] = builder["normalize"][0]


def quantization(mods, interp, notes):
    init = mods.get(QUANT_INIT)
    methods = interp.eval(ast.Name("QuantizationMethods"), QUANT_INIT)
    methods = list(methods.values) if isinstance(methods, LiteralType) else []
    dep = interp.eval(ast.Name("DEPRECATED_QUANTIZATION_METHODS"), QUANT_INIT)
    dep = list(dep) if isinstance(dep, list) else None
    fn = next((n for n in init.body if isinstance(n, ast.FunctionDef) and n.name == "get_quantization_config"), None)
    classes, min_cap = {}, {}
    if fn is None:
        notes.append("get_quantization_config not found: no config classes")
        return methods, dep, classes, min_cap
    env = {}
    mapping = None
    shorthand_default = None
    for st in fn.body:
        if isinstance(st, ast.ImportFrom):
            src = mods.absolute(QUANT_INIT, st.level, st.module or "", True)
            for a in st.names:
                r = mods.find_top(src, a.name)
                if r is not None:
                    env[a.asname or a.name] = interp._from_def(r, a.name)
        elif isinstance(st, (ast.Assign, ast.AnnAssign)) and isinstance(st.value, ast.Dict):
            mapping = {}
            for k, v in zip(st.value.keys, st.value.values):
                val = interp.eval(v, QUANT_INIT, env)
                if isinstance(k, ast.Constant):
                    mapping[k.value] = val
        elif isinstance(st, ast.For) and mapping is not None:
            # for shorthand in _ONLINE_SHORTHANDS: method_to_config.setdefault(shorthand, Cls)
            it = interp.eval(st.iter, QUANT_INIT, env)
            call = st.body[0].value if st.body and isinstance(st.body[0], ast.Expr) else None
            if isinstance(it, dict):
                it = list(it)
            if isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute) and \
                    call.func.attr == "setdefault" and isinstance(it, (list, tuple)):
                shorthand_default = interp.eval(call.args[1], QUANT_INIT, env)
                for s in it:
                    mapping.setdefault(s, shorthand_default)
            elif isinstance(call, ast.Call):
                notes.append("quantization registry loop not resolved: " + ast.unparse(st.iter))
    for m in methods:
        c = (mapping or {}).get(m)
        if isinstance(c, ClassRef):
            classes[m] = c.name
            cap = min_capability(mods, interp, c)
            if isinstance(cap, int):
                min_cap[m] = cap
            else:
                notes.append(f"min_capability of {c.name} ({m}): {cap}")
        else:
            notes.append(f"--quantization {m}: no config class registered in get_quantization_config")
    return methods, dep, classes, min_cap


def min_capability(mods, interp, cref):
    """The int that ``get_min_capability`` returns, or why there is none (a string)."""
    m = pyast.class_method(mods, cref, "get_min_capability")
    if m is None:
        return "no get_min_capability"
    for st in ast.walk(m[1]):
        if isinstance(st, ast.Return) and st.value is not None:
            v = interp.eval(st.value, m[0].module)
            if isinstance(v, int) and not isinstance(v, bool):
                return v
            return "returns " + ast.unparse(st.value) + ", not statically known"
    if any(isinstance(st, ast.Raise) for st in ast.walk(m[1])):
        return f"{m[0].name}.get_min_capability raises (no GPU capability minimum)"
    return "not statically known"


def attention_backends(mods, interp):
    """Members of AttentionBackendEnum, found through arg_utils' import of it (the module moved:
    vllm/attention/backends/registry.py in 2025, vllm/v1/attention/backends/registry.py later)."""
    r = mods.find_top("vllm.engine.arg_utils", "AttentionBackendEnum")
    if not r or r[0] != "class":
        return []
    return [n for n, _ in pyast.enum_members(ClassRef(r[1], r[2]))]


def lambda_enum_members(mods, node):
    """Choices given as ``lambda: list(__import__("mod", ...).Enum.__members__.keys())``."""
    if not isinstance(node, ast.Lambda):
        return None
    for sub in ast.walk(node.body):
        if isinstance(sub, ast.Attribute) and sub.attr == "__members__" and isinstance(sub.value, ast.Attribute) \
                and isinstance(sub.value.value, ast.Call) and ast.unparse(sub.value.value.func) == "__import__" \
                and sub.value.value.args and isinstance(sub.value.value.args[0], ast.Constant):
            module, cls = sub.value.value.args[0].value, sub.value.attr
            r = mods.find_top(module, cls)
            if r and r[0] == "class":
                return module + "." + cls, [n for n, _ in pyast.enum_members(ClassRef(r[1], r[2]))]
    return None


def env_choices(tree, interp):
    text = tree.text(ENVS)
    out = {}
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.Call) and ast.unparse(node.func) in ("env_with_choices", "env_list_with_choices") \
                and node.args and isinstance(node.args[0], ast.Constant):
            name = node.args[0].value
            ch = interp.eval(node.args[2], "vllm.envs") if len(node.args) > 2 else None
            e = {}
            from_enum = lambda_enum_members(interp.mods, node.args[2]) if len(node.args) > 2 else None
            if isinstance(ch, (list, tuple)) and all(isinstance(c, str) for c in ch):
                e["choices"] = list(ch)
            elif from_enum:
                e["choices"] = from_enum[1]
                e["choices_from"] = from_enum[0]
            else:
                e["choices_dynamic"] = ast.unparse(node.args[2]) if len(node.args) > 2 else None
            for k in node.keywords:
                if k.arg == "case_sensitive" and isinstance(k.value, ast.Constant) and k.value.value is False:
                    e["case_sensitive"] = False
            if ast.unparse(node.func) == "env_list_with_choices":
                e["list"] = True
            out[name] = e
    return out


def string_constants(text):
    """String constants of a Python file; implicit concatenation ("a " "b") is already joined."""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return []
    return [n.value for n in ast.walk(tree) if isinstance(n, ast.Constant) and isinstance(n.value, str)]


def find_evidence(tree, files, evidence):
    """The first of ``files`` whose text or string constants contain ``evidence``."""
    for f in files:
        if not tree.exists(f):
            continue
        text = tree.text(f)
        if evidence in text or any(evidence in c for c in string_constants(text)):
            return f
    return None


def constraints(tree, interp, notes):
    out = []
    for rule in CONSTRAINTS:
        where = find_evidence(tree, rule["files"], rule["evidence"])
        if where is None:
            notes.append(f"constraint {rule['id']} dropped: {rule['evidence']!r} not found in "
                         + ", ".join(rule["files"]))
            continue
        r = {k: v for k, v in rule.items() if k not in ("evidence", "files")}
        for k, v in r.items():
            if isinstance(v, tuple):  # (module, constant): a list read from the source
                value = interp.eval(ast.Name(v[1]), v[0])
                r[k] = sorted(value) if isinstance(value, list) else None
        if any(v is None for v in r.values()):
            notes.append(f"constraint {rule['id']} dropped: a list it names is not statically known")
            continue
        r["source"] = where
        out.append(r)
    return out


def parser_facts(tree, notes):
    p = {"kind": "FlexibleArgumentParser (argparse subclass)"}
    where = find_evidence(tree, ARGPARSE_UTILS, "class FlexibleArgumentParser")
    for key, value, evidence in PARSER_FACTS:
        if key not in p and where and find_evidence(tree, [where], evidence):
            p[key] = value
    for key in dict.fromkeys(k for k, _, _ in PARSER_FACTS):
        if key not in p:
            notes.append(f"parser fact {key} dropped: its evidence is not in {where or ARGPARSE_UTILS}")
    return p


# ---- entry points and the Docker image (tools/enginefacts/entrypoints.py) -------------------------

# The commands that start vLLM's OpenAI-compatible server with make_arg_parser's flags, each kept
# only where its evidence is in the tree (checks: see entrypoints.py). `vllm serve` copies its
# positional model_tag into --model (cli/serve.py); the api_server module parses the same
# model_tag positional but never reads it, so there the model comes from --model only.
_CLI_MAIN = "vllm/entrypoints/cli/main.py"
_CLI_SERVE = "vllm/entrypoints/cli/serve.py"
_API_SERVER = "vllm/entrypoints/openai/api_server.py"
_LAUNCHER_ENTRY = "vllm/entrypoints/launchers/api_server/entry.py"
_SERVE_SUBCOMMAND = [("has", _CLI_SERVE, "make_arg_parser(serve_parser)"),
                     ("has", _CLI_MAIN, "vllm.entrypoints.cli.serve")]
_MODEL_TAG_COPIED = "args.model = args.model_tag"
ENTRY_POINTS = [
    {"argv": ["vllm", "serve"], "source": _CLI_SERVE,
     "evidence": [("script", "pyproject.toml", "vllm", "vllm.entrypoints.cli.main:main"), *_SERVE_SUBCOMMAND],
     "model": [("positional", [("has", _CLI_SERVE, _MODEL_TAG_COPIED)])]},
    {"argv": ["python3", "-m", "vllm.entrypoints.cli.main", "serve"], "source": _CLI_MAIN,
     "evidence": [("main", _CLI_MAIN), *_SERVE_SUBCOMMAND],
     "model": [("positional", [("has", _CLI_SERVE, _MODEL_TAG_COPIED)])]},
    {"argv": ["python3", "-m", "vllm.entrypoints.openai.api_server"], "source": _API_SERVER,
     "evidence": [("main_calls", _API_SERVER, "make_arg_parser")],
     "model": [("flag", [("main_lacks", _API_SERVER, _MODEL_TAG_COPIED)])],
     "deprecated": [(None, [("warns", _API_SERVER, "deprecated")])]},
    {"argv": ["python3", "-m", "vllm.entrypoints.launchers.api_server.entry"], "source": _LAUNCHER_ENTRY,
     "evidence": [("main_calls", _LAUNCHER_ENTRY, "make_arg_parser")],
     "model": [("flag", [("main_lacks", _LAUNCHER_ENTRY, _MODEL_TAG_COPIED)])]},
]
# vllm/vllm-openai is the `vllm-openai` stage of docker/Dockerfile (docs/deployment/docker.md).
IMAGE = {"repository": "vllm/vllm-openai", "dockerfile": "docker/Dockerfile",
         "target": [("vllm-openai", [("stage", "docker/Dockerfile", "vllm-openai")])],
         "evidence": [("stage", "docker/Dockerfile", "vllm-openai"),
                      ("has", "docs/deployment/docker.md", "vllm/vllm-openai")]}


class OverlayTree(SourceTree):
    """A source tree in which some files are replaced by local copies of newer versions.

    ``overlays`` maps a path in the tree to (local file, where that copy came from). The result is
    a PARTIAL picture: the overlaid files are newer than the rest of the tree.
    """

    def __init__(self, root, rev=None, repository=None, overlays=None):
        super().__init__(root, rev=rev, repository=repository)
        self.overlays = dict(overlays or {})

    def exists(self, path):
        return path in self.overlays or super().exists(path)

    def text(self, path):
        if path not in self.overlays:
            return super().text(path)
        with open(self.overlays[path][0], "rb") as f:
            raw = f.read()
        self.read[path] = hashlib.sha256(raw).hexdigest()
        return raw.decode("utf-8")

    def listdir(self, path):
        extra = {p[len(path):].lstrip("/").split("/")[0] for p in self.overlays if p.startswith(path.rstrip("/") + "/")}
        return sorted(set(super().listdir(path)) | extra)

    def partial(self, base_id):
        files = {}
        for path, (local, origin) in sorted(self.overlays.items()):
            with open(local, "rb") as f:
                raw = f.read()
            files[path] = {"source": origin, "sha256": hashlib.sha256(raw).hexdigest(),
                           "chars": len(raw.decode("utf-8"))}
        base = super().provenance([])
        return {"base": {"id": base_id, "repository": base["repository"], "commit": base["commit"],
                         "commit_date": base["commit_date"]},
                "overlaid_files": files,
                "note": "only the overlaid files are newer than the base commit; facts that depend on "
                        "other files describe the base"}


def release_id(prov):
    if prov["release_tag"]:
        return prov["release_tag"]
    return f"main-{prov['commit_date']}" if prov["commit_date"] else "unversioned"


def extract(tree, argv):
    mods = pyast.Modules(tree)
    notes = []
    interp, parser_module = extract_cli(mods, notes)
    flags = interp.flags
    methods, deprecated, classes, min_cap = quantization(mods, interp, notes)
    q = flags.get("--quantization")
    if q is not None and methods:
        where = find_evidence(tree, [QUANT_CHECK_EVIDENCE[0]], QUANT_CHECK_EVIDENCE[1])
        q.pop("suggested_values", None)
        q["choices"] = methods
        if where:
            q["choices_enforced_by"] = ("ModelConfig quantization verification after argparse "
                                        "(argparse itself only shows a metavar)")
        if deprecated is not None:
            q["deprecated_choices"] = deprecated
    prov = tree.provenance(argv)
    notes.append(f"make_arg_parser read from {parser_module.replace('.', '/')}.py")
    facts = {
        "version": release_id(prov),
        "commit": prov["commit"],
        "command": ["vllm", "serve"],
        **entrypoints.facts(tree, ENTRY_POINTS, IMAGE, notes),
        "parser": parser_facts(tree, notes),
        "positionals": interp.positionals,
        "flags": dict(sorted(flags.items())),
        "env": env_choices(tree, interp),
        "attention_backends": attention_backends(mods, interp),
        "quantization_methods": methods,
        "quantization_config_class": classes,
        "min_capability": min_cap,
        "notes": notes,
        "constraints": constraints(tree, interp, notes),
        "dtype_min_capability": dtype_min_capability(
            DTYPE_RULES, lambda files, fragment: find_evidence(tree, files, fragment), notes),
    }
    facts["provenance"] = tree.provenance(argv)
    if isinstance(tree, OverlayTree) and tree.overlays:
        base_id = release_id(prov)
        facts["partial"] = tree.partial(base_id)
        facts["version"] = f"partial-{base_id}+{len(tree.overlays)}-files"
        facts["notes"].append("PARTIAL: " + ", ".join(sorted(tree.overlays)) + f" overlaid on {base_id}")
    return facts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("src", help="vLLM work tree or bare git directory")
    ap.add_argument("--rev", help="commit to read from a git directory")
    ap.add_argument("--repository", default="vllm-project/vllm")
    ap.add_argument("--overlay", action="append", default=[], metavar="PATH=LOCALFILE[@ORIGIN]",
                    help="read PATH from LOCALFILE instead of the tree (a newer single file); ORIGIN says "
                         "where that copy came from (e.g. doc:57424565052). The output is marked partial.")
    ap.add_argument("-o", "--output", required=True)
    a = ap.parse_args(argv)
    overlays = {}
    for spec in a.overlay:
        path, _, local = spec.partition("=")
        local, _, origin = local.partition("@")
        if not path or not os.path.isfile(local):
            ap.error(f"--overlay {spec}: want PATH=LOCALFILE[@ORIGIN] with an existing LOCALFILE")
        overlays[path] = (local, origin or None)
    tree = OverlayTree(a.src, rev=a.rev, repository=a.repository, overlays=overlays)
    short = (tree._git("rev-parse", (a.rev or "HEAD") + "^{commit}") or "worktree")[:8]
    cmd = ["python3", "-m", "tools.enginefacts.vllm", f"<{a.repository}@{short}>",
           "--repository", a.repository]
    for path, (_, origin) in sorted(overlays.items()):
        cmd += ["--overlay", f"{path}=<{origin or 'local copy'}>"]
    cmd += ["-o", "resources/engines/facts/vllm-<ID>.json"]
    try:
        facts = extract(tree, cmd)
    except ExtractError as e:
        raise SystemExit(f"{a.src}: {e}")
    write_facts(a.output, facts)
    print(f"{a.output}: {len(facts['flags'])} flags, {len(facts['quantization_methods'])} quantization methods",
          file=sys.stderr)


if __name__ == "__main__":
    main()
