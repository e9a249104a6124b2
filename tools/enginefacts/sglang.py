"""SGLang engine facts, read statically from an SGLang source tree (never imported, never run).

    python3 -m tools.enginefacts.sglang SRC [--rev REV] --repository sgl-project/sglang \
        [--overlay PATH=LOCALFILE ...] -o resources/engines/facts/sglang-<ID>.json

SRC is a work tree or a bare git directory (then --rev picks the commit). The output has the
keys of the reference ``sglang`` facts object that ``tools/gen_profiles.py`` reads, plus a
``provenance`` block (files read with their SHA-256). With ``--overlay`` some files are read from
local copies instead of the tree (single newer files from a file index); the output then is a
``partial-…`` profile with a ``partial`` block saying what was overlaid.

Where the CLI comes from:
  * ``python/sglang/srt/server_args.py``: ``ServerArgs.add_cli_args(parser)``. Its body is walked:
    ``parser.add_argument(...)`` calls (older trees: all flags), ``add_cli_args_from_dataclass``
    (newer trees: one flag per ``A[T, Arg(...)]`` field), and any other function the parser is
    passed to, wherever it is defined (``arg_groups/*.py`` in split layouts).
  * choices are evaluated statically (``pyast``, shared with the vLLM reader): module lists with
    their unconditional ``.append/.extend`` and ``add_x = LIST.extend`` aliases, class constants
    (``Backend.ALL``), enums, ``Literal[...]``. A value that cannot be known goes to
    ``choices_dynamic`` as source.
  * quantization: ``python/sglang/srt/layers/quantization/__init__.py`` and the
    ``get_min_capability`` of each registered config class.
"""
import argparse
import ast
import hashlib
import json
import os
import re
import sys

from tools.enginefacts import entrypoints, pyast
from tools.enginefacts.dtype_rules import dtype_min_capability
from tools.enginefacts.provenance import SourceTree, write_facts
from tools.enginefacts.pyast import ClassRef, FuncRef, Marker, SetValue, Unresolvable

src = ast.unparse

SERVER_ARGS = "python/sglang/srt/server_args.py"
SERVER_ARGS_MOD = "sglang.srt.server_args"
QUANT_INIT = "python/sglang/srt/layers/quantization/__init__.py"
QUANT_MOD = "sglang.srt.layers.quantization"
ARG_GROUPS = "python/sglang/srt/arg_groups"

# Parser-level facts of SGLang's entry point (python/sglang/srt/server_args.py,
# prepare_server_args: a plain argparse.ArgumentParser; launch command python -m sglang.launch_server).
PARSER = {"kind": "argparse.ArgumentParser", "underscore_dash_equivalent": False,
          "json_dotted_args": False, "allow_abbrev": True, "config_file_flag": "--config"}
COMMAND = ["python", "-m", "sglang.launch_server"]

# type= callables and what a value of them is.
TYPE_NAMES = {"int": "int", "float": "float", "str": "str", "bool": "bool",
              "json.loads": "json", "human_readable_int": "int_hr", "nullable_str": "str"}

FLAG_KEY_ORDER = ["dest", "default", "action", "type", "nargs", "const", "choices", "choices_dynamic",
                  "post_parse_choices", "post_parse_choices_source",
                  "choices_conditional_extra", "required", "optional_field", "aliases", "negations",
                  "deprecated", "errors_when_used", "replacement", "type_detail"]


class _Missing:
    pass


MISSING = _Missing()


class Program:
    """An SGLang tree seen through the shared evaluator: its packages are under ``python/``."""

    def __init__(self, tree):
        self.mods = pyast.Modules(tree, roots=("python",))
        self.ev = pyast.Evaluator(self.mods)

    def value(self, node, module, env=None):
        """The value of ``node`` in ``module`` (``env``: local names), or raise ``Unresolvable``."""
        return self.ev.value(node, module, env)

    def path(self, module):
        return self.mods.path_of(module)

    def func(self, cls, name):
        """The method ``name`` of ``cls`` or of a base class, owned by the class that defines it."""
        m = pyast.class_method(self.mods, cls, name)
        return FuncRef(m[0].module, m[1], owner=m[0]) if m else None

    def bases(self, cls):
        return [b for b in pyast.class_bases(self.mods, cls) if isinstance(b, ClassRef)]


def _own_method(cls, name):
    """``name`` defined in the body of ``cls`` itself (the last definition), or None."""
    node = None
    for st in cls.node.body:
        if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)) and st.name == name:
            node = st
    return FuncRef(cls.module, node, owner=cls) if node else None


def _jsonable(v):
    if isinstance(v, Marker) and hasattr(v, "enum"):
        return _jsonable(v.value)
    if isinstance(v, (str, int, float, bool)) or v is None:
        return v
    if isinstance(v, SetValue):
        return sorted((_jsonable(x) for x in v), key=lambda x: (str(type(x)), x))
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    raise Unresolvable(repr(v))


def _set_type(e, node):
    """Put the ``type`` (and ``type_detail`` for a custom parser) of ``type=node`` into ``e``."""
    e["type"], detail = _type_name(node)
    if detail:
        e["type_detail"] = detail


def _type_name(node):
    """What ``type=`` (or ``type_parser=``) gives: (type, type_detail or None)."""
    s = src(node)
    if s in TYPE_NAMES:
        return TYPE_NAMES[s], None
    return "str", {"custom": s.split(".")[-1]}


# -------------------------------------------------------------------------------------------
# Flags
# -------------------------------------------------------------------------------------------

class FlagCollector:
    def __init__(self, program, notes):
        self.program = program
        self.flags = {}
        self.positionals = []
        self.notes = notes
        self._walked = set()

    # ---- walking add_cli_args and what it calls -------------------------------------------
    def walk_function(self, fn, parser_params, bound=None):
        key = (fn.module, fn.node.lineno)
        if key in self._walked:
            return
        self._walked.add(key)
        local = dict(bound or {})
        self._walk_body(fn, fn.node.body, set(parser_params), local)

    def _walk_body(self, fn, body, parsers, local):
        for st in body:
            if isinstance(st, ast.If):
                self._note_conditional_local_extensions(fn, st, local)
            if isinstance(st, (ast.If, ast.For, ast.While, ast.With, ast.Try)):
                for part in ("body", "orelse", "finalbody"):
                    self._walk_body(fn, getattr(st, part, []), parsers, local)
                for h in getattr(st, "handlers", []):
                    self._walk_body(fn, h.body, parsers, local)
                continue
            if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                name = st.targets[0].id
                v = st.value
                if isinstance(v, ast.Call) and isinstance(v.func, ast.Attribute) and \
                        v.func.attr in ("add_argument_group", "add_mutually_exclusive_group") and \
                        isinstance(v.func.value, ast.Name) and v.func.value.id in parsers:
                    parsers.add(name)
                    continue
                local[name] = self.program.ev.eval(v, fn.module, dict(local))
                continue
            for call in [n for n in ast.walk(st) if isinstance(n, ast.Call)]:
                self._call(fn, call, parsers, local)

    def _note_conditional_local_extensions(self, fn, st, local):
        """A local choices list grown under an ``if`` (e.g. an env flag adds a sampling backend):
        the unconditional value is what argparse gets by default; the extension is noted."""
        for n in ast.walk(st):
            if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and \
                    n.func.attr in ("add", "append", "extend", "update") and \
                    isinstance(n.func.value, ast.Name) and n.func.value.id in local:
                owner = f"{fn.module}.{fn.owner.name + '.' if fn.owner else ''}{fn.node.name}"
                note = (f"{owner}: local {n.func.value.id} has conditional .{n.func.attr}() extensions "
                        f"({json.dumps([src(a) for a in n.args])})")
                if note not in self.notes:
                    self.notes.append(note)

    def _call(self, fn, call, parsers, local):
        f = call.func
        if isinstance(f, ast.Attribute) and f.attr == "add_argument" and \
                isinstance(f.value, ast.Name) and f.value.id in parsers:
            self.add_argument(fn, call, local)
            return
        fname = f.attr if isinstance(f, ast.Attribute) else getattr(f, "id", None)
        parser_args = [i for i, a in enumerate(call.args) if isinstance(a, ast.Name) and a.id in parsers]
        if not parser_args:
            return
        if fname == "add_cli_args_from_dataclass":
            cls = self._resolve(fn, call.args[1], local)
            only = None
            for k in call.keywords:
                if k.arg == "fields":
                    only = set(self.program.value(k.value, fn.module, local))
            if isinstance(cls, ClassRef):
                self.dataclass_flags(cls, only)
            else:
                self.notes.append(f"add_cli_args_from_dataclass on unresolved class {src(call.args[1])}")
            return
        target = self._resolve(fn, f, local)
        if isinstance(target, FuncRef):
            params = [a.arg for a in target.node.args.args]
            shift = 1 if params and params[0] in ("self", "cls") and isinstance(f, ast.Attribute) else 0
            names = [params[i + shift] for i in parser_args if i + shift < len(params)]
            self.walk_function(target, names)

    def _resolve(self, fn, node, local):
        try:
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and \
                    node.value.id in ("cls", "self") and fn.owner is not None:
                return self.program.func(fn.owner, node.attr) or self.program.value(node, fn.module, local)
            v = self.program.value(node, fn.module, local)
        except Unresolvable:
            return None
        if isinstance(v, FuncRef) and v.owner is not None:
            return self.program.func(v.owner, v.node.name)
        return v

    # ---- one add_argument call ---------------------------------------------------------------
    def add_argument(self, fn, call, local):
        mod = fn.module
        path = self.program.path(mod)
        names = []
        for a in call.args:
            try:
                names.append(self.program.value(a, mod, local))
            except Unresolvable:
                self.notes.append(f"{path}:{call.lineno}: flag name not static: {src(a)}")
                return
        kw = {k.arg: k.value for k in call.keywords if k.arg}
        if not names or not str(names[0]).startswith("-"):
            self.positionals.append({"name": names[0] if names else None, "source": f"{path}:{call.lineno}"})
            return
        longs = [n for n in names if n.startswith("--")] or names
        primary = longs[0]
        e = {}
        dest = self._const(mod, kw.get("dest"), local)
        e["dest"] = dest if isinstance(dest, str) else primary.lstrip("-").replace("-", "_")
        aliases = [n for n in names if n != primary]
        action_node = kw.get("action")
        action = src(action_node) if action_node is not None else None
        nargs = self._const(mod, kw.get("nargs"), local) if "nargs" in kw else MISSING
        if action is not None:
            self._apply_action(mod, e, action, action_node, kw, names, nargs, local)
        else:
            if nargs is not MISSING:
                e["nargs"] = nargs
            if "type" in kw:
                _set_type(e, kw["type"])
            else:
                e["type"] = "str"
        if "choices" in kw:
            self._choices(mod, e, kw["choices"], local)
        if "const" in kw and e.get("action") is None:
            c = self._const(mod, kw["const"], local)
            if not isinstance(c, _Missing):
                e["const"] = c
        if "default" in kw:
            d = self._default(mod, kw["default"], local)
            if d is not MISSING and d is not None and not (e.get("nargs") == 0 and d is False
                                                            and e.get("action") != "store_true"):
                e["default"] = d
        req = self._const(mod, kw.get("required"), local)
        if isinstance(req, bool):
            e["required"] = req
        if aliases:
            e["aliases"] = aliases
        self._put(primary, e)

    def _apply_action(self, mod, e, action, node, kw, names, nargs, local):
        if action in ("store_true", "store_false", "'store_true'", "'store_false'"):
            e["action"] = action.strip("'\"")
            e["type"] = "bool"
            e["nargs"] = 0
            return
        if action in ("argparse.BooleanOptionalAction", "BooleanOptionalAction"):
            e["action"] = "boolean_optional"
            e["type"] = "bool"
            e["nargs"] = 0
            e["negations"] = ["--no-" + n[2:] for n in names if n.startswith("--")]
            return
        s = action.strip("'\"")
        if s in ("store_const", "append_const", "count"):
            e["action"] = s
            e["type"] = "bool"
            e["nargs"] = 0
            return
        if s in ("append", "extend", "store"):
            e["action"] = s
            if "type" in kw:
                e["type"], _ = _type_name(kw["type"])
            else:
                e["type"] = "str"
            if nargs is not MISSING:
                e["nargs"] = nargs
            return
        # A custom argparse.Action subclass: its name, and what its __init__ says about nargs.
        name = action.split(".")[-1]
        e["action"] = name
        cls = None
        try:
            cls = self.program.value(node, mod)
        except Unresolvable:
            pass
        default_nargs = _init_default(self.program, cls, "nargs") if isinstance(cls, ClassRef) else MISSING
        n = nargs if nargs is not MISSING else default_nargs
        if n is not MISSING:
            e["nargs"] = n
        if "type" in kw:
            _set_type(e, kw["type"])
        elif n == 0:
            e["type"] = "bool"
        if name.startswith("Deprecated"):
            e["deprecated"] = True
            err = kw.get("error_message")
            if err is not None and not (isinstance(err, ast.Constant) and err.value is None):
                e["errors_when_used"] = True
            if "new_flag" in kw:
                r = self._const(mod, kw["new_flag"], local)
                if isinstance(r, str):
                    e["replacement"] = r

    def _const(self, mod, node, local):
        if node is None:
            return MISSING
        try:
            return _jsonable(self.program.value(node, mod, local))
        except Unresolvable:
            return MISSING

    def _default(self, mod, node, local):
        if src(node) == "argparse.SUPPRESS":
            return MISSING
        try:
            v = self.program.value(node, mod, local)
        except Unresolvable:
            return MISSING
        try:
            v = _jsonable(v)
        except Unresolvable:
            return MISSING
        if isinstance(v, (list, dict)):
            return MISSING
        return v

    def _choices(self, mod, e, node, local):
        try:
            v = self.program.value(node, mod, local)
            if isinstance(v, str) or not isinstance(v, (list, tuple)):
                raise Unresolvable(src(node))
            e["choices"] = _jsonable(v)
            self._conditional_extra(mod, e, node)
        except Unresolvable:
            e["choices_dynamic"] = src(node)

    def _conditional_extra(self, mod, e, node):
        """Choices lists that a module extends only under a condition: noted, not applied."""
        mods = self.program.mods
        for n in ast.walk(node):
            if not isinstance(n, ast.Name):
                continue
            owner, name = mod, n.id
            ref = _import_binding(mods, mod, name)
            if ref is not None:
                owner, name = ref
                if mods.get(owner) is None:
                    continue
            extra = mods.mutations(owner)[1].get(name)
            if extra:
                note = f"{owner}.{name}: has conditional .add() extensions ({json.dumps(extra)})"
                if note not in self.notes:
                    self.notes.append(note)

    def _put(self, name, e):
        if name in self.flags:
            self.notes.append(f"flag {name} registered twice; the later registration kept")
        self.flags[name] = {k: e[k] for k in FLAG_KEY_ORDER if k in e}

    # ---- dataclass fields (A[T, Arg(...)] / Annotated[T, ...]) -----------------------------
    def dataclass_flags(self, cls, only=None):
        mod = cls.module
        for base in self.program.bases(cls):
            self.dataclass_flags(base, only)
        # A name annotated twice in a class body is one dataclass field: the later annotation
        # wins, in the position of the first (seen in v0.5.15, dcp_size).
        fields = {}
        for st in cls.node.body:
            if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
                fields[st.target.id] = st
        for fname, st in fields.items():
            if only is not None and fname not in only:
                continue
            parsed = _annotated(st.annotation)
            if parsed is None:
                continue
            type_node, meta = parsed
            if meta is None:
                continue
            if isinstance(meta, ast.Constant):
                kw = {}
            else:
                kw = {k.arg: k.value for k in meta.keywords if k.arg}
            if self._const(mod, kw.get("no_cli"), {}) is True:
                continue
            cli = self._const(mod, kw.get("cli_name"), {})
            cli = cli if isinstance(cli, str) else "--" + fname.replace("_", "-")
            aliases = self._const(mod, kw.get("aliases"), {})
            aliases = aliases if isinstance(aliases, list) else []
            names = [cli] + aliases
            default = self._field_default(mod, st.value)
            e = {"dest": fname}
            inner, optional = _unwrap_optional(type_node)
            literal = _literal(inner)
            tname = _plain_type(inner)
            action_node = kw.get("action")
            if action_node is not None:
                akw = {}
                if "action_kwargs" in kw and isinstance(kw["action_kwargs"], ast.Dict):
                    akw = {k.value: v for k, v in zip(kw["action_kwargs"].keys, kw["action_kwargs"].values)
                           if isinstance(k, ast.Constant)}
                merged = dict(akw)
                for k in ("choices", "nargs", "const"):
                    if k in kw:
                        merged.setdefault(k, kw[k])
                nargs = self._const(mod, merged.get("nargs"), {}) if "nargs" in merged else MISSING
                self._apply_action(mod, e, src(action_node), action_node, merged, names, nargs, {})
                if "choices" in akw:
                    self._choices(mod, e, akw["choices"], {})
            elif literal is not None:
                if "choices" in kw:
                    self._choices(mod, e, kw["choices"], {})
                else:
                    e["choices"] = literal
                if "type_parser" in kw:
                    _set_type(e, kw["type_parser"])
                else:
                    e["type"] = {int: "int", float: "float", bool: "bool"}.get(
                        type(literal[0]) if literal else str, "str")
                if "const" in kw:
                    e["const"] = self._const(mod, kw["const"], {})
            elif _list_elem(inner) is not MISSING and "type_parser" not in kw:
                elem = _list_elem(inner)
                e["type"] = elem if elem in ("int", "float", "str") else "str"
                nargs = self._const(mod, kw.get("nargs"), {})
                e["nargs"] = nargs if isinstance(nargs, str) else "+"
                if "choices" in kw:
                    self._choices(mod, e, kw["choices"], {})
                if "const" in kw:
                    e["const"] = self._const(mod, kw["const"], {})
            elif tname == "bool":
                e["action"] = "store_true"
                e["type"] = "bool"
                e["nargs"] = 0
            else:
                if "type_parser" in kw:
                    _set_type(e, kw["type_parser"])
                else:
                    e["type"] = tname if tname in ("int", "float", "str") else "str"
                if "choices" in kw:
                    self._choices(mod, e, kw["choices"], {})
                if "nargs" in kw:
                    e["nargs"] = self._const(mod, kw["nargs"], {})
                if "const" in kw:
                    e["const"] = self._const(mod, kw["const"], {})
                req = self._const(mod, kw.get("required"), {})
                if req is True or (req is MISSING or req is None) and default is MISSING:
                    e["required"] = True
                if optional:
                    e["optional_field"] = True
            if default is not MISSING and default is not None and not isinstance(default, (list, dict)):
                e["default"] = default
            if aliases:
                e["aliases"] = aliases
            self._put(cli, e)

    def _field_default(self, mod, node):
        if node is None:
            return MISSING
        if isinstance(node, ast.Call) and src(node.func) in ("field", "dataclasses.field"):
            for k in node.keywords:
                if k.arg == "default":
                    return self._default(mod, k.value, {})
            return MISSING  # default_factory: a fresh object, not a literal default
        return self._default(mod, node, {})


def _module_scope(mods, module):
    """What each top-level name of ``module`` is bound to once its body ran: ``("import", module,
    name)`` for ``from module import name``, ``("def", node)`` for a function, ``("value",)`` for
    anything else. A binding under a condition counts only for a name not bound before it."""
    scope = {}
    changed = {id(st): name for name, changes in mods.mutations(module)[0].items() for st, _, _ in changes}
    for st, conditional in pyast.run_order(mods.get(module).body):
        bound = []
        if isinstance(st, ast.ImportFrom):
            src_mod = mods.absolute(module, st.level, st.module or "", mods.is_package(module))
            bound = [(a.asname or a.name, ("import", src_mod, a.name)) for a in st.names]
        elif isinstance(st, ast.Import):
            bound = [(a.asname or a.name.split(".")[0], ("value",)) for a in st.names]
        elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            bound = [(st.name, ("def", st))]
        elif isinstance(st, ast.ClassDef):
            bound = [(st.name, ("value",))]
        elif isinstance(st, ast.Assign) and (not conditional or len(st.targets) == 1):
            bound = [(t.id, ("value",)) for t in st.targets if isinstance(t, ast.Name)]
        elif isinstance(st, ast.AnnAssign) and not conditional and st.value is not None and \
                isinstance(st.target, ast.Name):
            bound = [(st.target.id, ("value",))]
        elif id(st) in changed:
            bound = [(changed[id(st)], ("value",))]  # changed in place: a value of this module now
        for name, what in bound:
            if not conditional or name not in scope:
                scope[name] = what
    return scope


def _import_binding(mods, module, name):
    """(module, name) when ``name`` in ``module`` is finally what ``from module import name`` bound."""
    what = _module_scope(mods, module).get(name)
    return (what[1], what[2]) if what and what[0] == "import" else None


def _init_default(program, cls, param):
    init = _own_method(cls, "__init__")
    if init is None:
        for b in program.bases(cls):
            r = _init_default(program, b, param)
            if r is not MISSING:
                return r
        return MISSING
    a = init.node.args
    pos = a.args[len(a.args) - len(a.defaults):]
    for arg, d in list(zip(pos, a.defaults)) + list(zip(a.kwonlyargs, a.kw_defaults)):
        if arg.arg == param and isinstance(d, ast.Constant):
            return d.value
    return MISSING


def _annotated(node):
    """(type node, first Arg(...) call or help string, or None) of ``A[T, ...]``; None otherwise."""
    if not isinstance(node, ast.Subscript):
        return None
    head = src(node.value)
    if head not in ("A", "Annotated", "typing.Annotated"):
        return None
    sl = node.slice
    if not isinstance(sl, ast.Tuple) or not sl.elts:
        return None
    for m in sl.elts[1:]:
        if isinstance(m, ast.Call) and src(m.func).split(".")[-1] == "Arg":
            return sl.elts[0], m
        if isinstance(m, ast.Constant) and isinstance(m.value, str):
            return sl.elts[0], m
        if isinstance(m, ast.JoinedStr) or (isinstance(m, ast.BinOp) and isinstance(m.op, ast.Add)):
            return sl.elts[0], ast.Constant("")
    return sl.elts[0], None


def _unwrap_optional(node):
    if isinstance(node, ast.Subscript) and src(node.value) in ("Optional", "typing.Optional"):
        return node.slice, True
    if isinstance(node, ast.Subscript) and src(node.value) in ("Union", "typing.Union") and \
            isinstance(node.slice, ast.Tuple):
        rest = [e for e in node.slice.elts if src(e) != "None"]
        if len(rest) == 1 and len(node.slice.elts) == 2:
            return rest[0], True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        if src(node.right) == "None":
            return node.left, True
        if src(node.left) == "None":
            return node.right, True
    return node, False


def _literal(node):
    if isinstance(node, ast.Subscript) and src(node.value) in ("Literal", "typing.Literal"):
        elts = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        return [e.value for e in elts if isinstance(e, ast.Constant)]
    return None


def _plain_type(node):
    s = src(node)
    return s if s in ("int", "float", "str", "bool") else "other"


def _list_elem(node):
    if isinstance(node, ast.Subscript) and src(node.value) in ("List", "list", "typing.List"):
        return src(node.slice)
    if src(node) in ("List", "list"):
        return "str"
    return MISSING


# -------------------------------------------------------------------------------------------
# Choices checked after parsing
# -------------------------------------------------------------------------------------------

OWNER_NAMES = ("self", "server_args", "args", "view")
ALWAYS_RUN_VALIDATORS = ("__post_init__", "check_server_args")


def _membership(test):
    """(field, op, comparator) for ``<owner>.<field> in/not in <expr>``, else None."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn)) \
            and isinstance(test.left, ast.Attribute) and isinstance(test.left.value, ast.Name) \
            and test.left.value.id in OWNER_NAMES:
        return test.left.attr, type(test.ops[0]), test.comparators[0]
    return None


def post_parse_choices(program, functions, flags):
    """Flags without argparse choices whose value an unconditional check restricts after parsing.

    Only checks at the top level of a validator that always runs (``__post_init__``,
    ``check_server_args``) count, and only before any early ``return``: ``assert x.f in LIST`` or
    ``if x.f not in LIST: raise``. A check nested under another condition, or in a helper that is
    called only for some configurations (e.g. server_args.py d315eb72 line 9587, LoRA with
    speculative decoding), applies only there and would over-restrict the flag.
    """
    by_dest = {}
    for name, f in flags.items():
        by_dest.setdefault(f["dest"], []).append(name)
    for fn in functions:
        if fn.node.name not in ALWAYS_RUN_VALIDATORS:
            continue
        for st in fn.node.body:
            if isinstance(st, ast.Return) or isinstance(st, ast.If) and \
                    any(isinstance(b, ast.Return) for b in st.body):
                break
            m = None
            if isinstance(st, ast.Assert):
                m = _membership(st.test)
                if m and m[1] is not ast.In:
                    m = None
            elif isinstance(st, ast.If) and any(isinstance(b, ast.Raise) for b in st.body):
                m = _membership(st.test)
                if m and m[1] is not ast.NotIn:
                    m = None
            if not m:
                continue
            field, _, expr = m
            try:
                values = program.value(expr, fn.module)
                values = _jsonable(values)
            except Unresolvable:
                continue
            if not isinstance(values, list) or not all(isinstance(v, str) or v is None for v in values):
                continue
            for flag in by_dest.get(field, []):
                e = flags[flag]
                if "choices" in e or "choices_dynamic" in e or e.get("nargs") == 0:
                    continue
                e["post_parse_choices"] = [v for v in values if v is not None]
                e["post_parse_choices_source"] = f"{program.path(fn.module)}:{st.lineno}"


def _functions_of(program, module, cls=None):
    """Functions defined in ``module`` (one per name, as in ``_module_scope``) and methods of ``cls``."""
    scope = _module_scope(program.mods, module)
    out = [FuncRef(module, what[1]) for what in scope.values() if what[0] == "def"]
    if cls is not None:
        methods = {}
        for st in cls.node.body:
            if isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                methods[st.name] = FuncRef(cls.module, st, owner=cls)
        out += methods.values()
    return sorted(out, key=lambda f: f.node.lineno)


# -------------------------------------------------------------------------------------------
# Quantization
# -------------------------------------------------------------------------------------------

def _names_in(node):
    out = []
    for n in ast.walk(node):
        if isinstance(n, ast.Name) and n.id not in out:
            out.append(n.id)
    return " ".join(out)


def quantization(program, notes):
    tree = program.mods.get(QUANT_MOD)
    if tree is None:
        notes.append(f"{QUANT_INIT} not found: no quantization registry")
        return [], {}, {}
    registered, conditional, classes = [], {}, {}
    registry_names = ("BASE_QUANTIZATION_METHODS", "QUANTIZATION_METHODS")
    # Module-level dicts by name: QUANTIZATION_METHODS = {**BASE_QUANTIZATION_METHODS, **OTHER}
    # merges other tables in (up to v0.5.x: VLLM_QUANTIZATION_METHODS, usable only with vllm).
    tables = {}
    for st in tree.body:
        if isinstance(st, (ast.Assign, ast.AnnAssign)):
            tgt = st.targets[0] if isinstance(st, ast.Assign) else st.target
            if isinstance(tgt, ast.Name) and isinstance(st.value, ast.Dict):
                tables[tgt.id] = st.value
    for st in tree.body:
        if isinstance(st, (ast.Assign, ast.AnnAssign)):
            tgt = st.targets[0] if isinstance(st, ast.Assign) else st.target
            if isinstance(tgt, ast.Name) and tgt.id in registry_names and isinstance(st.value, ast.Dict):
                for k, v in zip(st.value.keys, st.value.values):
                    if isinstance(k, ast.Constant):
                        if tgt.id == "QUANTIZATION_METHODS" and k.value in registered:
                            continue
                        registered.append(k.value)
                        classes.setdefault(k.value, src(v))
                    elif k is None and tgt.id == "QUANTIZATION_METHODS" and isinstance(v, ast.Name) \
                            and v.id not in registry_names:
                        _merged_table(tree, v.id, tables.get(v.id), registered, conditional, classes, notes)
        elif isinstance(st, ast.If):
            cond = _names_in(st.test)
            for sub in ast.walk(st):
                if isinstance(sub, ast.Call) and isinstance(sub.func, ast.Attribute) and \
                        sub.func.attr == "update" and src(sub.func.value) in registry_names and \
                        sub.args and isinstance(sub.args[0], ast.Dict):
                    for k, v in zip(sub.args[0].keys, sub.args[0].values):
                        if isinstance(k, ast.Constant):
                            conditional.setdefault(k.value, [])
                            if cond not in conditional[k.value]:
                                conditional[k.value].append(cond)
                            classes.setdefault(k.value, src(v))
    return registered, conditional, classes


def _merged_table(tree, name, table, registered, conditional, classes, notes):
    """The methods of a table merged into QUANTIZATION_METHODS with ``**name``. Where a function
    of the module refuses them under a condition (``if quantization in NAME and not
    VLLM_AVAILABLE: raise ValueError(...)``) they are conditional on the opposite of that
    condition; otherwise they are registered like the rest."""
    if table is None:
        notes.append(f"{QUANT_INIT}: QUANTIZATION_METHODS merges {name}, which is not a module-level dict literal")
        return
    guard = None
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node.test)) \
                and any(isinstance(n, ast.Raise) for n in node.body):
            guard = node.test
            break
    cond = None
    if guard is not None:
        # "quantization in NAME and not X": the method is usable when X holds.
        parts = guard.values if isinstance(guard, ast.BoolOp) and isinstance(guard.op, ast.And) else [guard]
        rest = [p for p in parts if not any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(p))]
        if len(rest) == 1 and isinstance(rest[0], ast.UnaryOp) and isinstance(rest[0].op, ast.Not):
            cond = src(rest[0].operand)
        else:
            cond = f"not ({src(guard)})"
    for k, v in zip(table.keys, table.values):
        if not isinstance(k, ast.Constant) or k.value in registered:
            continue
        if cond is None:
            registered.append(k.value)
        else:
            conditional.setdefault(k.value, [])
            if cond not in conditional[k.value]:
                conditional[k.value].append(cond)
        classes.setdefault(k.value, src(v))


def min_capability(program, mod, class_name, notes, depth=0):
    try:
        cls = program.value(ast.Name(class_name), mod)
    except Unresolvable:
        notes.append(f"quantization config class {class_name}: not found statically")
        return None
    fn = None
    seen = set()
    queue = [cls]
    while queue:
        c = queue.pop(0)
        if not isinstance(c, ClassRef) or c in seen:
            continue
        seen.add(c)
        fn = _own_method(c, "get_min_capability")
        if fn is not None:
            break
        queue.extend(program.bases(c))
    if fn is None:
        notes.append(f"{class_name}.get_min_capability not found")
        return None
    # The last return is the general case; earlier ones (under `if is_npu():` …) are platform
    # escapes. A conditional expression in it becomes {"value", "except_when", "then"}.
    rets = sorted((s for s in ast.walk(fn.node) if isinstance(s, ast.Return) and s.value is not None),
                  key=lambda s: s.lineno)
    if not rets:
        notes.append(f"{class_name}.get_min_capability: no return")
        return None
    r = rets[-1].value
    if isinstance(r, ast.Call) and isinstance(r.func, ast.Attribute) and r.func.attr == "get_min_capability" \
            and isinstance(r.func.value, ast.Name) and depth < 5:
        return min_capability(program, fn.module, r.func.value.id, notes, depth + 1)
    try:
        if isinstance(r, ast.IfExp):
            body = program.value(r.body, fn.module)
            orelse = program.value(r.orelse, fn.module)
            if isinstance(r.test, ast.UnaryOp) and isinstance(r.test.op, ast.Not):
                return {"value": body, "except_when": src(r.test.operand), "then": orelse}
            return {"value": orelse, "except_when": src(r.test), "then": body}
        return program.value(r, fn.module)
    except Unresolvable as e:
        notes.append(f"{class_name}.get_min_capability: not static ({e.expr})")
        return None


# -------------------------------------------------------------------------------------------
# Cross-flag constraints: hand-written, each kept only if its evidence is in the source.
# -------------------------------------------------------------------------------------------

RULES = [
    # moe_ep_setup.py: `if tp_size % moe_ep_size != 0: raise ... "must be divisible by ep_size"`
    ({"id": "ep-divides-tp", "kind": "divides", "divisor": "--ep-size", "dividend": "--tp-size",
      "message": "tp_size must be divisible by ep_size (MoE TP = tp_size // ep_size // moe_dp_size)",
      "source": "python/sglang/srt/model_executor/model_runner_components/moe_ep_setup.py"},
     "must be divisible by ep_size"),
    # server_args.py: `assert self.moe_dense_tp_size in (None, 1, self.tp_size), "... only supports ..."`
    ({"id": "moe-dense-tp-1-or-tp", "kind": "value_in_or_equals", "flag": "--moe-dense-tp-size",
      "allowed": [1], "or_equals_flag": "--tp-size",
      "message": "--moe-dense-tp-size only supports 1 or tp_size", "source": SERVER_ARGS},
     "moe_dense_tp_size only supports"),
    # server_args.py: `assert self.tp_size % self.moe_dp_size == 0, "tp_size must be divisible by moe_dp_size"`
    ({"id": "moe-dp-divides-tp", "kind": "divides", "divisor": "--moe-dp-size", "dividend": "--tp-size",
      "message": "tp_size must be divisible by moe_dp_size", "source": SERVER_ARGS},
     "tp_size must be divisible by moe_dp_size"),
    # server_args.py: flashinfer_cutlass / flashinfer_cutedsl branches assert ep_size in [1, tp_size]
    ({"id": "flashinfer-cutlass-moe-ep", "kind": "value_in_or_equals",
      "when": {"flag": "--moe-runner-backend", "in": ["flashinfer_cutlass", "flashinfer_cutedsl"]},
      "flag": "--ep-size", "allowed": [1], "or_equals_flag": "--tp-size",
      "message": "FlashInfer CUTLASS/CuteDSL MoE needs ep_size == 1 or ep_size == tp_size", "source": SERVER_ARGS},
     "The expert parallel size must be 1 or the same as the tensor parallel size"),
    # server_args.py: `assert quantization in ["modelopt_fp4", "modelopt_fp8", "modelopt_mixed", None]`
    ({"id": "flashinfer-cutlass-moe-quant", "kind": "value_in",
      "when": {"flag": "--moe-runner-backend", "in": ["flashinfer_cutlass"]},
      "flag": "--quantization", "allowed": ["modelopt_fp4", "modelopt_fp8", "modelopt_mixed", None],
      "message": "FlashInfer Cutlass MoE supports only modelopt_fp4 / modelopt_fp8 / modelopt_mixed / unquantized",
      "source": SERVER_ARGS},
     "Cutlass MOE supports only"),
    # server_args.py: `assert not (dp_size > 1 and nnodes != 1 and not enable_dp_attention)`
    ({"id": "multinode-dp-needs-dp-attention", "kind": "requires_flag",
      "if": {"flag": "--dp-size", "gt": 1, "and_flag_ne": ["--nnodes", 1]},
      "then": {"flag": "--enable-dp-attention"},
      "message": "multi-node data parallel requires --enable-dp-attention", "source": SERVER_ARGS},
     "multi-node data parallel is not supported unless dp attention"),
]


# Dtype capability rules (see tools/enginefacts/dtype_rules.py). SGLang refuses no dtype: on CUDA,
# `if torch.cuda.get_device_capability()[0] < 8:` it logs "Compute capability below sm80. Use float16
# due to lack of bfloat16 support." and sets model_config.dtype = torch.float16 whatever --dtype said
# (auto, bfloat16 and float32 alike; float16 is what it asked for anyway). Since v0.5.18 in
# model_runner_components/load_model_utils.py (maybe_downgrade_dtype_for_legacy_gpu), in v0.5.6 in
# ModelRunner.__init__ (model_runner.py). (The same branch raises "SGLang only supports sm75 and
# above." when the minor version is below 5: a device minimum, not a dtype rule.)
_SM80_FALLBACK = ("Compute capability below sm80. Use float16 due to lack of bfloat16 support.",
                  ["python/sglang/srt/model_executor/model_runner_components/load_model_utils.py",
                   "python/sglang/srt/model_executor/model_runner.py"])
DTYPE_RULES = [{"dtype": d, "min": 80, "behaviour": "falls back to float16",
                "evidence": _SM80_FALLBACK[0], "files": _SM80_FALLBACK[1]}
               for d in ("bfloat16", "auto", "float32")]


def _evidence_in(tree, files, evidence):
    """The first of ``files`` (in that order) that contains ``evidence``."""
    return next((f for f in files if tree.exists(f) and evidence in tree.text(f)), None)


def _candidate_files(tree, named):
    out = [named]
    for f in tree.listdir(ARG_GROUPS):
        if f.endswith(".py"):
            out.append(f"{ARG_GROUPS}/{f}")
    out.append(SERVER_ARGS)
    seen = []
    for f in out:
        if f not in seen:
            seen.append(f)
    return seen


def _find_evidence(tree, named, evidence):
    for path in _candidate_files(tree, named):
        if tree.exists(path) and evidence in tree.text(path):
            return path
    return None


def _a2a_rule(program, tree):
    """The all-to-all MoE backends that make SGLang set ep_size = tp_size, read from source.

    Looks for an ``if …moe_a2a_backend in X`` / ``== "x"`` whose branch sets ``ep_size`` to
    ``tp_size`` (attribute assignment or a returned/assigned ``{"ep_size": …tp_size}`` override).
    """
    for path in _candidate_files(tree, f"{ARG_GROUPS}/overrides.py"):
        if not tree.exists(path):
            continue
        mod = path[len("python/"):-len(".py")].replace("/", ".")
        backends = []
        for node in ast.walk(program.mods.get(mod)):
            if not isinstance(node, ast.If) or "moe_a2a_backend" not in src(node.test):
                continue
            if not _sets_ep_to_tp(node.body):
                continue
            backends.extend(_backends_in_test(program, mod, node.test))
        if backends:
            return {"id": "a2a-forces-ep-eq-tp", "kind": "warn_value_equals",
                    "when": {"flag": "--moe-a2a-backend", "in": sorted(set(backends))},
                    "flag": "--ep-size", "equals_flag": "--tp-size",
                    "message": "with an all-to-all MoE backend SGLang overrides ep_size to tp_size",
                    "source": path}
    return None


def _sets_ep_to_tp(body):
    for st in body:
        for n in ast.walk(st):
            if isinstance(n, ast.Assign) and any(src(t).endswith("ep_size") and not src(t).endswith("_ep_size")
                                                 or src(t) in ("self.ep_size",) for t in n.targets) \
                    and src(n.value).endswith("tp_size"):
                return True
            if isinstance(n, ast.Dict):
                for k, v in zip(n.keys, n.values):
                    if isinstance(k, ast.Constant) and k.value == "ep_size" and src(v).endswith("tp_size"):
                        return True
    return False


def _backends_in_test(program, mod, test):
    out = []
    for n in ast.walk(test):
        if isinstance(n, ast.Compare) and "moe_a2a_backend" in src(n.left) and len(n.ops) == 1:
            op, right = n.ops[0], n.comparators[0]
            try:
                if isinstance(op, ast.In):
                    out.extend(program.value(right, mod))
                elif isinstance(op, ast.Eq):
                    out.append(program.value(right, mod))
            except Unresolvable:
                pass
    return [b for b in out if isinstance(b, str)]


def constraints(program, tree, notes):
    out = []
    for rule, evidence in RULES:
        found = _find_evidence(tree, rule["source"], evidence)
        if found is None:
            notes.append(f"rule {rule['id']} dropped: evidence not found in {rule['source']} "
                         f"(nor in {ARG_GROUPS}/*.py, {SERVER_ARGS})")
            continue
        r = dict(rule)
        r["source"] = found
        out.append(r)
    a2a = _a2a_rule(program, tree)
    if a2a is None:
        notes.append("rule a2a-forces-ep-eq-tp dropped: no moe_a2a_backend test that sets ep_size = tp_size "
                     f"in {ARG_GROUPS}/*.py or {SERVER_ARGS}")
    else:
        out.append(a2a)
    return out


# -------------------------------------------------------------------------------------------
# Entry points and the Docker image (tools/enginefacts/entrypoints.py): hand-written candidates,
# each kept only where its evidence is in the tree.
# -------------------------------------------------------------------------------------------

_PYPROJECT = "python/pyproject.toml"
_CLI_MAIN = "python/sglang/cli/main.py"
_CLI_SERVE = "python/sglang/cli/serve.py"
_LAUNCH = "python/sglang/launch_server.py"
_ROUTES_BACKENDS = ("models detected as diffusion models (SGLang's diffusion registry, or a diffusers layout with "
                    "model_index.json) go to sglang.multimodal_gen's diffusion server, and --model-type picks that "
                    "or an installed out-of-tree serve backend instead; the flags of those servers are not modelled")
_ROUTES_DIFFUSION = ("models detected as diffusion models (a diffusers layout with model_index.json) go to "
                     "sglang.multimodal_gen's diffusion server, whose flags are not modelled")
ENTRY_POINTS = [
    {"argv": ["sglang", "serve"], "source": _CLI_SERVE,
     "evidence": [("script", _PYPROJECT, "sglang", "sglang.cli.main:main"), ("has", _CLI_MAIN, '"serve"'),
                  ("has", _CLI_SERVE, "prepare_server_args")],
     # _normalize_positional_model_path: a first word not starting with "-" becomes --model-path
     "model": [("first_positional", [("has", _CLI_SERVE, "def _normalize_positional_model_path"),
                                     ("has", _CLI_SERVE, 'return ["--model-path", extra_argv[0]')]),
               ("flag", [("has", "python/sglang/cli/utils.py", "--model-path is required")])],
     # _extract_model_type_override: --model-type VALUE / --model-type=VALUE never reach the parser
     "strips": [(["--model-type"], [("has", _CLI_SERVE, 'arg == "--model-type"'),
                                    ("has", _CLI_SERVE, 'arg.startswith("--model-type=")')])],
     "routes": [(_ROUTES_BACKENDS, [("has", _CLI_SERVE, "get_is_diffusion_model"),
                                    ("has", _CLI_SERVE, "execute_serve_cmd"), ("has", _CLI_SERVE, "ServeBackendRegistry")]),
                (_ROUTES_DIFFUSION, [("has", _CLI_SERVE, "get_is_diffusion_model"),
                                     ("has", _CLI_SERVE, "execute_serve_cmd")])]},
    {"argv": ["python3", "-m", "sglang.launch_server"], "source": _LAUNCH,
     "evidence": [("main_calls", _LAUNCH, "prepare_server_args")],
     "model": [("flag", [("has", _LAUNCH, "prepare_server_args(sys.argv[1:])")])],
     "deprecated": [(None, [("warns", _LAUNCH, "sglang serve")])]},
]
# lmsysorg/sglang is built from docker/Dockerfile (.github/workflows/release-docker.yml), since
# v0.5.1x with the target framework_final, earlier with the default (last) stage.
_RELEASE = ".github/workflows/release-docker.yml"
IMAGE = {"repository": "lmsysorg/sglang", "dockerfile": "docker/Dockerfile",
         "target": [("framework_final", [("has", _RELEASE, "docker_target: framework_final"),
                                         ("stage", "docker/Dockerfile", "framework_final")])],
         "evidence": [("has", _RELEASE, "lmsysorg/sglang")]}


# -------------------------------------------------------------------------------------------
# Overlays and the whole run
# -------------------------------------------------------------------------------------------

class OverlayTree:
    """A SourceTree whose named files are read from local copies instead."""

    def __init__(self, base, overlays):
        self.base = base
        self.overlays = overlays  # repo path -> local file
        self.overlay_hashes = {}

    def exists(self, path):
        return path in self.overlays or self.base.exists(path)

    def text(self, path):
        if path in self.overlays:
            with open(self.overlays[path], "rb") as f:
                raw = f.read()
            h = hashlib.sha256(raw).hexdigest()
            self.base.read[path] = h
            self.overlay_hashes[path] = h
            return raw.decode("utf-8")
        return self.base.text(path)

    def listdir(self, path):
        names = set(self.base.listdir(path))
        for p in self.overlays:
            d, _, n = p.rpartition("/")
            if d == path:
                names.add(n)
        return sorted(names)


def extract(tree, notes=None):
    notes = [] if notes is None else notes
    program = Program(tree)
    if program.mods.get(SERVER_ARGS_MOD) is None:
        raise SystemExit(f"{SERVER_ARGS} not found")
    server_args = program.ev.name(SERVER_ARGS_MOD, "ServerArgs")
    fn = _own_method(server_args, "add_cli_args") if isinstance(server_args, ClassRef) else None
    if fn is None:
        raise SystemExit("ServerArgs.add_cli_args not found")
    collector = FlagCollector(program, notes)
    params = [a.arg for a in fn.node.args.args]
    collector.walk_function(fn, [p for p in params if p not in ("self", "cls")][:1])
    post_parse_choices(program, _functions_of(program, SERVER_ARGS_MOD, server_args), collector.flags)
    # argparse_actions / arg_utils are part of how flags behave: make sure they are in provenance.
    for extra in (f"{ARG_GROUPS}/arg_utils.py", f"{ARG_GROUPS}/argparse_actions.py"):
        if tree.exists(extra):
            tree.text(extra)

    registered, conditional, classes = quantization(program, notes)
    qmod = QUANT_MOD
    mincap = {}
    for method, cname in classes.items():
        v = min_capability(program, qmod, cname, notes)
        if v is not None:
            mincap[method] = v
    qflag = collector.flags.get("--quantization", {})
    qchoices = qflag.get("choices", [])
    known = set(registered) | set(conditional)
    facts = {
        "version": None,
        "commit": None,
        "command": COMMAND,
        **entrypoints.facts(tree, ENTRY_POINTS, IMAGE, notes, roots=("python",)),
        # The config-file flag only where this tree has it (SGLang added --config after v0.5.2).
        "parser": {k: v for k, v in PARSER.items()
                   if k != "config_file_flag" or v in _all_flag_names(collector.flags)},
        "positionals": collector.positionals,
        "flags": dict(sorted(collector.flags.items())),
        "env": {},
        "quantization_choices": qchoices,
        "quantization_registered_methods": registered,
        "quantization_platform_conditional": conditional,
        "quantization_config_class": classes,
        "min_capability": mincap,
        "notes": notes,
        "constraints": constraints(program, tree, notes),
        "dtype_min_capability": dtype_min_capability(
            DTYPE_RULES, lambda files, fragment: _evidence_in(tree, files, fragment), notes),
        "quantization_choices_not_registered": [c for c in qchoices if c not in known],
    }
    return facts


def _all_flag_names(flags):
    return {n for name, f in flags.items() for n in [name, *f.get("aliases", ()), *f.get("negations", ())]}


def _version(tree, rev):
    """SGLang's version string: python/sglang/version.py when it has one, else setuptools_scm."""
    for path in ("python/sglang/version.py", "python/sglang/_version.py"):
        if tree.exists(path):
            m = re.search(r"__version__\s*=\s*['\"]([^'\"]+)['\"]", tree.text(path))
            if m and not m.group(1).startswith("0.0.0"):  # 0.0.0.dev0: setuptools_scm placeholder
                return m.group(1)
    return None


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="SGLang work tree or bare git directory")
    ap.add_argument("--rev", help="commit or tag (needed for a bare git directory)")
    ap.add_argument("--repository", default="sgl-project/sglang")
    ap.add_argument("--overlay", action="append", default=[], metavar="PATH=LOCALFILE",
                    help="read repo PATH from LOCALFILE instead of the tree (partial profile)")
    ap.add_argument("--overlay-origin", action="append", default=[], metavar="PATH=ORIGIN",
                    help="where an overlaid file came from (e.g. 'doc 57455295535'), recorded as is")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)

    base = SourceTree(args.src, rev=args.rev, repository=args.repository)
    overlays = dict(o.split("=", 1) for o in args.overlay)
    origins = dict(o.split("=", 1) for o in args.overlay_origin)
    tree = OverlayTree(base, overlays) if overlays else base
    notes = []
    facts = extract(tree, notes)
    prov_argv = ["python3", "-m", "tools.enginefacts.sglang", "SRC"]
    if args.rev:
        prov_argv += ["--rev", args.rev]
    prov_argv += ["--repository", args.repository]
    for p in sorted(overlays):
        prov_argv += ["--overlay", f"{p}=LOCALFILE"]
    for p in sorted(origins):
        prov_argv += ["--overlay-origin", f"{p}={origins[p]}"]
    prov = base.provenance(prov_argv + ["-o", "OUTPUT"])
    facts["commit"] = prov["commit"]
    tag = prov["release_tag"]
    version = _version(tree, args.rev)
    ident = tag if tag else f"main-{prov['commit_date'] or 'undated'}"
    if version:
        facts["version"] = version
    elif tag:
        facts["version"] = f"{tag.lstrip('v')} (tag {tag}, {prov['commit_date']})"
    else:
        facts["version"] = f"main {prov['commit_date']} (commit {(prov['commit'] or '?')[:12]}; setuptools_scm, no tag)"
    if overlays:
        ident = f"partial-{ident}-plus-index"
        facts["partial"] = {
            "base": prov["commit"],
            "overlaid_files": {p: {"origin": origins.get(p), "sha256": tree.overlay_hashes.get(p)}
                               for p in sorted(overlays)},
        }
        facts["version"] = f"partial: {facts['version']} with {len(overlays)} newer file(s) overlaid"
        facts["notes"].append(
            "PARTIAL profile: the overlaid files are newer single files; every other file (quantization "
            f"registry, min_capability, imported choice lists, constraint evidence) is read from {prov['commit']}")
    facts["id"] = ident
    facts["provenance"] = prov
    write_facts(args.output, facts)
    print(f"{args.output}: {ident}, {len(facts['flags'])} flags, "
          f"{len(facts['quantization_choices'])} quantization choices, {len(facts['constraints'])} constraints")


if __name__ == "__main__":
    main()
