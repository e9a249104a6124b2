"""TensorRT-LLM facts, read statically from single source files.

No TensorRT-LLM tree can be fetched whole (every copy is over the size limit), so the source is a
folder of single files taken from the public-code file index, laid out like the repository, with a
``manifest.json`` saying for each file which repository, commit and index document it came from and
whether the file is whole or a set of verbatim excerpts (marker lines ``# @@ excerpt N: ...``).

    python3 -m tools.enginefacts.trtllm SRC_DIR -o resources/engines/facts/trtllm-<ID>.json

Nothing here imports or runs engine code: Python sources are read with ``ast``, the CLI stability
reference YAML with the small reader below, the docs table as markdown text.

To rebuild a source folder: for each entry of a facts file's ``provenance.files``, read that path
at that commit (or that index id) with the file index's read_file, and save it under SRC_DIR at
``read_as`` (else ``path``): whole files as they are, excerpt files as the listed ``excerpts``,
each after its marker line. manifest.json maps each saved file to repository, commit, index id,
``kept`` and, for an older serve.py whose Click options tell which flags are portable,
``"role": "portable_base"``; optional ``commit_dates`` (commit -> YYYY-MM-DD) and per-file
``release_tag`` name the profile.
"""
import argparse
import ast
import json
import os
import re
import sys
import textwrap

from tools.enginefacts import dtype_rules
from tools.enginefacts.provenance import SourceTree, write_facts

REPOSITORY = "NVIDIA/TensorRT-LLM"
SERVE_CLI_YAML = "tests/unittest/api_stability/references/trtllm_serve_cli.yaml"
SERVE_PY = "tensorrt_llm/commands/serve.py"
LLM_ARGS_PY = "tensorrt_llm/llmapi/llm_args.py"
MODE_PY = "tensorrt_llm/quantization/mode.py"
VERSION_PY = "tensorrt_llm/version.py"
QUANT_DOC = "docs/source/features/quantization.md"
SUPPORT_DOC = "docs/source/reference/support-matrix.md"
UTILS_PY = "tensorrt_llm/_utils.py"
ATTN_UTILS_PY = "tensorrt_llm/_torch/attention/backends/utils.py"
MODEL_CONFIG_PY = "tensorrt_llm/_torch/model_config.py"

COMMAND = "python3 -m tools.enginefacts.trtllm SRC_DIR -o OUT"
EXCERPT_MARK = re.compile(r"^[ \t]*(?:#|<!--)[ \t]*@@ excerpt\b.*$\n?", re.M)


# ---------------------------------------------------------------------------------------------
# Sources and provenance

def split_excerpts(text):
    marks = list(EXCERPT_MARK.finditer(text))
    if not marks:
        return [(None, text)]
    out = []
    for i, m in enumerate(marks):
        end = marks[i + 1].start() if i + 1 < len(marks) else len(text)
        ctx = re.search(r"\(in (\w+)\)", m.group(0))
        out.append((ctx.group(1) if ctx else None, text[m.end():end]))
    return out


class IndexedSources(SourceTree):
    """A folder of single files from the file index plus its manifest.

    Each file's provenance is its own: repository, commit (when the index named one), index
    document id, whether it is whole or excerpts, and the SHA-256 of the bytes read here.
    """

    def __init__(self, root):
        super().__init__(root, repository=REPOSITORY)
        with open(os.path.join(self.root, "manifest.json"), encoding="utf-8") as f:
            self.manifest = json.load(f)
        self.repository = self.manifest.get("repository", REPOSITORY)
        self.excerpt_labels = {}

    def entry(self, path):
        return self.manifest.get("files", {}).get(path, {})

    def commit_of(self, path):
        return self.entry(path).get("commit")

    def pieces(self, path):
        """The verbatim pieces of ``path``: one per excerpt, or the whole text."""
        return [text for _, text in self.excerpts(path)]

    def excerpts(self, path):
        """``(context, text)`` per excerpt; context is the class or function an indented excerpt
        was cut from, named on its marker line as ``(in Name)``, else None."""
        text = self.text(path)
        self.excerpt_labels[path] = [m.group(0).strip().strip("#<>!- ").rstrip("-").strip()
                                     for m in EXCERPT_MARK.finditer(text)]
        return split_excerpts(text)

    def release_tag(self):
        tags = {self.entry(p).get("release_tag") for p in self.read}
        return tags.pop() if len(tags) == 1 and None not in tags else None

    def newest_date(self):
        dates = self.manifest.get("commit_dates", {})
        known = [dates[c] for c in (self.commit_of(p) for p in self.read) if c in dates]
        return max(known) if known else None

    def provenance(self, argv=None):
        files = []
        for path, sha in sorted(self.read.items()):
            e = self.entry(path)
            files.append({
                "path": e.get("path", path),
                **({"read_as": path} if e.get("path", path) != path else {}),
                "repository": e.get("repository", self.repository),
                "commit": e.get("commit"),
                "index_id": e.get("index_id"),
                "kept": e.get("kept", "whole"),
                "sha256": sha,
            })
            if self.excerpt_labels.get(path):
                files[-1]["excerpts"] = self.excerpt_labels[path]
        return {
            "repository": self.repository,
            "how": self.manifest.get("how"),
            "files": files,
            "command": COMMAND if argv is None else argv,
        }


# ---------------------------------------------------------------------------------------------
# A reader for the block YAML of the CLI stability reference: nested mappings, "- item"
# sequences, plain / single- / double-quoted scalars, comments. Nothing else is needed there.

def _yaml_scalar(s):
    s = s.strip()
    if s.startswith('"'):
        return json.loads(s)
    if s.startswith("'"):
        return s[1:-1].replace("''", "'")
    if s in ("null", "~", ""):
        return None
    if s in ("true", "True"):
        return True
    if s in ("false", "False"):
        return False
    if re.fullmatch(r"[-+]?\d+", s):
        return int(s)
    if re.fullmatch(r"[-+]?(\d+\.\d*|\.\d+)([eE][-+]?\d+)?", s):
        return float(s)
    return s


def _strip_comment(line):
    quote = None
    for i, c in enumerate(line):
        if quote:
            if c == quote:
                quote = None
        elif c in "'\"":
            quote = c
        elif c == "#" and (i == 0 or line[i - 1] in " \t"):
            return line[:i].rstrip()
    return line.rstrip()


def read_simple_yaml(text):
    lines = []
    for raw in text.splitlines():
        line = _strip_comment(raw)
        if line.strip():
            lines.append((len(line) - len(line.lstrip(" ")), line.strip()))

    def block(i, indent):
        if lines[i][1].startswith("- "):
            out = []
            while i < len(lines) and lines[i][0] == indent and lines[i][1].startswith("- "):
                out.append(_yaml_scalar(lines[i][1][2:]))
                i += 1
            return out, i
        out = {}
        while i < len(lines) and lines[i][0] == indent:
            key, sep, rest = lines[i][1].partition(":")
            if not sep:
                raise ValueError(f"not a mapping line: {lines[i][1]!r}")
            key = _yaml_scalar(key)
            i += 1
            if rest.strip():
                out[key] = _yaml_scalar(rest)
            elif i < len(lines) and (lines[i][0] > indent or
                                     (lines[i][0] == indent and lines[i][1].startswith("- "))):
                out[key], i = block(i, lines[i][0])
            else:
                out[key] = None
        return out, i

    if not lines:
        return None
    value, i = block(0, lines[0][0])
    if i != len(lines):
        raise ValueError(f"unexpected indentation at {lines[i][1]!r}")
    return value


# ---------------------------------------------------------------------------------------------
# Flags

def _split_negations(names, is_flag):
    """Boolean flags listed as ``--x`` and ``--no-x`` (Click's "--x/--no-x"): the second negates."""
    if not is_flag:
        return names, []
    positive, negative = [], []
    for n in names:
        m = re.fullmatch(r"--no[-_](.+)", n)
        if m and ("--" + m.group(1)) in names:
            negative.append(n)
        else:
            positive.append(n)
    return positive, negative


def _reference_type(t):
    """A stability-reference type string: 'int', 'Path', "Choice(['a', 'b'])"."""
    m = re.fullmatch(r"Choice\((.*)\)", t or "", re.S)
    if m:
        return "choice", [str(c) for c in ast.literal_eval(m.group(1))]
    return (t or "str").lower(), None


def flag_table(options):
    """One entry per spelling, as quantcfg's profiles read them (see tools/gen_profiles.py)."""
    out = {}
    for dest, o in sorted(options.items()):
        names = list(o.get("flags") or [])
        positive, negative = _split_negations(names, bool(o.get("is_flag")))
        ftype, choices = o["type"] if isinstance(o.get("type"), tuple) else _reference_type(o.get("type"))
        if choices is None and o.get("choices") is not None:
            choices = o["choices"]
        base = {"dest": dest, "negative_flags": negative, "type": ftype,
                "is_flag": bool(o.get("is_flag")), "multiple": bool(o.get("multiple")),
                "default": o.get("default")}
        if choices is not None:
            base["choices"] = choices
        if o.get("status"):
            base["status"] = o["status"]
        for n in names:
            e = dict(base, aliases=[a for a in names if a != n])
            if n in negative:
                e["negates"] = dest
            out[n] = e
    return out


def reference_serve_options(tree):
    doc = read_simple_yaml(tree.text(SERVE_CLI_YAML))
    commands = doc["commands"]
    return commands["serve"]["options"], list(commands)


# Click decorators, read with ast (used where a serve.py with its decorators was read).

def _const(node):
    try:
        return ast.literal_eval(node)
    except (ValueError, SyntaxError, TypeError):
        return None


def _enum_members(module):
    """Class name -> list of member values (or names) for Enum-like classes of a module."""
    out = {}
    for node in ast.walk(module):
        if isinstance(node, ast.ClassDef):
            members = []
            for st in node.body:
                if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
                    name = st.targets[0].id
                    if name.isupper():
                        v = _const(st.value)
                        members.append(v if isinstance(v, str) else name.lower())
            if members:
                out[node.name] = members
    return out


def _choice_classes(module):
    """Names that build a Choice: click.Choice and the module's own subclasses of it."""
    names = {"Choice"}
    for node in ast.walk(module):
        if isinstance(node, ast.ClassDef) and any(_head(b) in names for b in node.bases):
            names.add(node.name)
    return names


def _choice_values(call, enums):
    """click.Choice([...]) / click.Choice(Enum) / click.Choice([e.value for e in Enum])."""
    if not call.args:
        return None
    arg = call.args[0]
    v = _const(arg)
    if isinstance(v, (list, tuple)):
        return [str(x) for x in v]
    for n in ast.walk(arg):
        if isinstance(n, ast.Name) and n.id in enums:
            return list(enums[n.id])
    return "dynamic:" + ast.unparse(arg)


def _is_click(func, name):
    return isinstance(func, ast.Attribute) and func.attr == name or isinstance(func, ast.Name) and func.id == name


def click_options(source, function):
    """The @click.option decorators of ``function`` in ``source``, in the flag-table input shape."""
    module = ast.parse(source)
    enums = _enum_members(module)
    choice_types = _choice_classes(module)
    fn = next((n for n in ast.walk(module)
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == function), None)
    if fn is None:
        raise KeyError(f"no function {function!r}")
    options, arguments = {}, []
    for dec in fn.decorator_list:
        if not isinstance(dec, ast.Call):
            continue
        if _is_click(dec.func, "argument"):
            arguments.extend(str(_const(a)) for a in dec.args)
            continue
        if not _is_click(dec.func, "option"):
            continue
        decls = [_const(a) for a in dec.args]
        kw = {k.arg: k.value for k in dec.keywords}
        names, negative, dest = [], [], None
        for d in decls:
            if not isinstance(d, str):
                continue
            if "/" in d:
                pos, neg = (x.strip() for x in d.split("/", 1))
                names.append(pos)
                negative.append(neg)
            elif d.startswith("-"):
                names.append(d)
            else:
                dest = d
        if dest is None:
            # Click names the parameter after the first "--" spelling, else the first one.
            longs = [n for n in names if n.startswith("--")]
            dest = (longs or names)[0].lstrip("-").replace("-", "_").lower()
        is_flag = bool(_const(kw["is_flag"])) if "is_flag" in kw else bool(negative)
        ftype, choices, aliases = ("bool" if is_flag else "str"), None, None
        t = kw.get("type")
        if isinstance(t, ast.Call) and _head(t.func) in choice_types:
            ftype, choices = "choice", _choice_values(t, enums)
            if len(t.args) > 1 and isinstance(_const(t.args[1]), dict):
                aliases = _const(t.args[1])
        elif isinstance(t, ast.Call) and _is_click(t.func, "Path") or isinstance(t, ast.Attribute) and t.attr == "Path":
            ftype = "path"
        elif isinstance(t, ast.Name):
            ftype = t.id.lower()
        status = None
        h = kw.get("help")
        if isinstance(h, ast.Call):
            s = [_const(a) for a in h.args[1:]] + [_const(k.value) for k in h.keywords if k.arg == "status"]
            status = next((x for x in s if x in ("prototype", "beta", "stable", "deprecated")), None)
        if "default" in kw:
            default = _const(kw["default"])
            if default is None and not (isinstance(kw["default"], ast.Constant) and kw["default"].value is None):
                default = "dynamic:" + ast.unparse(kw["default"])
        else:
            default = False if is_flag else None
        options[dest] = {"flags": names + negative, "type": (ftype, choices), "default": default,
                         "status": status, "is_flag": is_flag,
                         "multiple": bool(_const(kw["multiple"])) if "multiple" in kw else False}
        if aliases:
            options[dest]["choice_aliases"] = aliases
    return options, arguments


def keys_popped(source, name="llm_args"):
    """String keys taken out of ``name`` with ``name.pop("key", ...)``."""
    out = []
    for n in ast.walk(ast.parse(textwrap.dedent(source))):
        if isinstance(n, ast.Call) and isinstance(n.func, ast.Attribute) and n.func.attr == "pop" \
                and isinstance(n.func.value, ast.Name) and n.func.value.id == name and n.args:
            k = _const(n.args[0])
            if isinstance(k, str) and k not in out:
                out.append(k)
    return out


def subcommands_from_serve(source):
    """``main = DefaultGroup(commands={...})`` and the subcommand its resolve_command falls back to."""
    module = ast.parse(source)
    out = None
    default = None
    for node in ast.walk(module):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call) \
                and isinstance(node.value.func, ast.Name):
            for k in node.value.keywords:
                if k.arg == "commands" and isinstance(k.value, ast.Dict):
                    out = {"group": node.value.func.id,
                           "subcommands": [_const(x) for x in k.value.keys]}
        if isinstance(node, ast.FunctionDef) and node.name == "resolve_command":
            for r in ast.walk(node):
                if isinstance(r, ast.Return) and isinstance(r.value, ast.Tuple) and r.value.elts:
                    v = _const(r.value.elts[0])
                    if isinstance(v, str):
                        default = v
    if out is not None:
        out["default_subcommand"] = default
    return out


# ---------------------------------------------------------------------------------------------
# LLM API YAML keys (pydantic fields of the LlmArgs class and of its config sections)

_INT_BOUNDS = {"NonNegativeInt": ("int", {"min": 0}), "PositiveInt": ("int", {"min": 1}),
               "StrictInt": ("int", {}), "NonNegativeFloat": ("float", {"min": 0}),
               "PositiveFloat": ("float", {"min_exclusive": 0})}
_SIMPLE = {"bool": "bool", "int": "int", "float": "float", "str": "str",
           "object": "any", "Any": "any"}


def _sub_args(node):
    s = node.slice
    return list(s.elts) if isinstance(s, ast.Tuple) else [s]


def _head(node):
    v = node.value if isinstance(node, ast.Subscript) else node
    return v.attr if isinstance(v, ast.Attribute) else v.id if isinstance(v, ast.Name) else None


class _Module:
    """Class definitions, enum members and type aliases found in a set of excerpts."""

    def __init__(self, pieces):
        self.classes, self.aliases, self.assigns, self.functions = {}, {}, {}, []
        for piece in pieces:
            context, piece = piece if isinstance(piece, tuple) else (None, piece)
            tree = ast.parse(textwrap.dedent(piece))
            if context in self.classes:
                # A method or field excerpt cut from inside a class read earlier.
                self.classes[context].body.extend(tree.body)
                continue
            for node in tree.body:
                if isinstance(node, ast.ClassDef):
                    self.classes[node.name] = node
                elif isinstance(node, ast.Assign) and len(node.targets) == 1 \
                        and isinstance(node.targets[0], ast.Name):
                    self.assigns[node.targets[0].id] = node.value
                    if isinstance(node.value, ast.Subscript):
                        self.aliases[node.targets[0].id] = node.value
                elif isinstance(node, (ast.FunctionDef, ast.If)):
                    self.functions.append(node)

    def bases(self, name):
        node = self.classes.get(name)
        return [b.id for b in node.bases if isinstance(b, ast.Name)] if node else []

    def lineage(self, name):
        """``name`` and its base classes present here, base first."""
        seen = []
        for b in self.bases(name):
            if b in self.classes:
                seen.extend(x for x in self.lineage(b) if x not in seen)
        return seen + [name]


def describe_annotation(node, module):
    """Type facts of a pydantic annotation: type, nullable, choices, item type, class."""
    out = {"nullable": False}

    def members(n):
        if isinstance(n, ast.BinOp) and isinstance(n.op, ast.BitOr):
            return members(n.left) + members(n.right)
        if isinstance(n, ast.Subscript) and _head(n) in ("Optional",):
            return _sub_args(n) + [ast.Constant(None)]
        if isinstance(n, ast.Subscript) and _head(n) == "Union":
            return [m for a in _sub_args(n) for m in members(a)]
        if isinstance(n, ast.Name) and n.id in module.aliases and _head(module.aliases[n.id]) in ("Optional", "Union"):
            return members(module.aliases[n.id])
        return [n]

    parts = members(node)
    if any(isinstance(p, ast.Constant) and p.value is None for p in parts):
        out["nullable"] = True
        parts = [p for p in parts if not (isinstance(p, ast.Constant) and p.value is None)]

    def one(p):
        if isinstance(p, ast.Name) and p.id in module.aliases and _head(module.aliases[p.id]) == "Literal":
            p = module.aliases[p.id]
        h = _head(p)
        if isinstance(p, ast.Subscript) and h == "Literal":
            vals = [_const(a) for a in _sub_args(p)]
            kinds = {type(v).__name__ for v in vals}
            return {"type": "int" if kinds == {"int"} else "str", "choices": vals}
        if isinstance(p, ast.Subscript) and h in ("List", "list", "Set", "set", "Tuple", "tuple"):
            item = one(_sub_args(p)[0])
            e = {"type": "list", "item_type": item.get("type")}
            if "choices" in item:
                e["item_choices"] = item["choices"]
            return e
        if isinstance(p, ast.Subscript) and h in ("Dict", "dict"):
            return {"type": "map"}
        if isinstance(p, ast.Subscript) and h == "Annotated":
            return one(_sub_args(p)[0])
        if isinstance(p, ast.Name) and p.id in _INT_BOUNDS:
            t, bounds = _INT_BOUNDS[p.id]
            return dict({"type": t}, **bounds)
        if isinstance(p, ast.Name) and p.id in _SIMPLE:
            return {"type": _SIMPLE[p.id]}
        if isinstance(p, ast.Name) and p.id in module.classes:
            return {"type": "object", "class": p.id}
        return {"type": "object", "annotation": ast.unparse(p)}

    facts = [one(p) for p in parts]
    if len(facts) == 1:
        out.update(facts[0])
    else:
        out["type"] = "|".join(sorted({f["type"] for f in facts}))
        choices = [c for f in facts for c in f.get("choices", [])]
        if choices:
            out["choices"] = choices
    return out


def _default_repr(node):
    if isinstance(node, ast.Attribute):
        return f"<{ast.unparse(node)}>"
    v = _const(node)
    if v is None and not (isinstance(node, ast.Constant) and node.value is None):
        return f"<{ast.unparse(node)}>"
    return v


_BOUNDS = {"ge": "min", "gt": "min_exclusive", "le": "max", "lt": "max_exclusive"}


def describe_field(stmt, module):
    """Facts of one ``name: Annotation = Field(...)`` class statement."""
    e = describe_annotation(stmt.annotation, module)
    v = stmt.value
    if isinstance(v, ast.Call) and _head(v.func) in ("Field", "PydanticField"):
        kw = {k.arg: k.value for k in v.keywords if k.arg}
        if v.args:
            kw.setdefault("default", v.args[0])
        if "default" in kw and not (isinstance(kw["default"], ast.Constant) and kw["default"].value is Ellipsis):
            e["default"] = _default_repr(kw["default"])
        elif "default_factory" in kw:
            e["default"] = "<factory>"
        else:
            e["required"] = True
        for k, name in _BOUNDS.items():
            if k in kw and _const(kw[k]) is not None:
                e[name] = _const(kw[k])
        status = _const(kw["status"]) if "status" in kw else None
        if status is None and "deprecated" in kw and _const(kw["deprecated"]) not in (None, False):
            status = "deprecated"
        if status:
            e["status"] = status
        t = kw.get("telemetry")
        if isinstance(t, ast.Call) and _head(t.func) == "categorical":
            e["telemetry_values"] = [_const(a) for a in t.args]
        for k in ("choices",):
            if k in kw and isinstance(_const(kw[k]), list):
                e["choices"] = _const(kw[k])
    elif v is None:
        e["required"] = True
    else:
        e["default"] = _default_repr(v)
    return e


def class_fields(module, name):
    """Public pydantic fields of class ``name`` including its bases: field -> (facts, defined_in)."""
    out = {}
    for cls in module.lineage(name):
        for st in module.classes[cls].body:
            if isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name):
                n = st.target.id
                if n.startswith("_") or _head(st.annotation) == "ClassVar":
                    continue
                out[n] = dict(describe_field(st, module), defined_in=cls)
    return out


def class_properties(module, name):
    props = []
    for cls in module.lineage(name):
        for st in module.classes[cls].body:
            if isinstance(st, ast.FunctionDef) and any(
                    isinstance(d, ast.Name) and d.id == "property" for d in st.decorator_list):
                props.append(st.name)
    return props


def extra_forbid(module, name):
    for cls in reversed(module.lineage(name)):
        for st in module.classes[cls].body:
            if isinstance(st, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "model_config"
                                                  for t in st.targets) and isinstance(st.value, ast.Call):
                for k in st.value.keywords:
                    if k.arg == "extra":
                        return _const(k.value) == "forbid"
    return None


def validator_literals(module, cls, field):
    """String literals a ``@field_validator(field)`` accepts with ``v in (...)``, and the name of a
    mapping whose keys it also accepts (``v in NAME.keys()``)."""
    found, also = [], None
    nodes = list(module.functions)
    if cls in module.classes:
        nodes += [n for n in module.classes[cls].body if isinstance(n, ast.FunctionDef)]
    for fn in nodes:
        if not isinstance(fn, ast.FunctionDef):
            continue
        if not any(isinstance(d, ast.Call) and _head(d.func) == "field_validator" and
                   field in [_const(a) for a in d.args] for d in fn.decorator_list):
            continue
        for n in ast.walk(fn):
            if isinstance(n, ast.Compare) and isinstance(n.ops[0], ast.In):
                v = _const(n.comparators[0])
                if isinstance(v, (tuple, list)) and all(isinstance(x, str) for x in v):
                    found.extend(x for x in v if x not in found)
                c = n.comparators[0]
                if isinstance(c, ast.Call) and isinstance(c.func, ast.Attribute) and c.func.attr == "keys" \
                        and isinstance(c.func.value, ast.Name):
                    also = c.func.value.id
    return found, also


def special_keys(module):
    """Keys update_llm_args_with_extra_dict renames, and those it turns into config objects."""
    remapped, converted = [], []
    fm = module.assigns.get("field_mapping")
    if isinstance(fm, ast.Dict):
        converted = [_const(k) for k in fm.keys]
    for node in module.functions:
        for n in ast.walk(node):
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "field_mapping"
                                                 for t in n.targets) and isinstance(n.value, ast.Dict):
                converted = [_const(k) for k in n.value.keys]
            if isinstance(n, ast.If) and isinstance(n.test, ast.Compare) and isinstance(n.test.ops[0], ast.In):
                k = _const(n.test.left)
                body = ast.unparse(n)
                if isinstance(k, str) and "setdefault" in body and f".pop({k!r})" in body:
                    remapped.append(k)
    return remapped, converted


def llm_api(tree):
    module = _Module(tree.excerpts(LLM_ARGS_PY))
    alias = module.assigns.get("LlmArgs")
    top = alias.id if isinstance(alias, ast.Name) else "TorchLlmArgs"
    fields = class_fields(module, top)
    keys = {}
    sections = {}
    for name, f in sorted(fields.items()):
        keys[name] = f
        if f.get("class") in module.classes:
            sections[name] = f["class"]
            for sub, sf in sorted(class_fields(module, f["class"]).items()):
                keys[f"{name}.{sub}"] = sf
    for key, f in keys.items():
        section, _, field = key.rpartition(".")
        cls = sections.get(section, top) if section else None
        lits, also = validator_literals(module, cls or f["defined_in"], field or key)
        if lits:
            f["validator_choices"] = lits
            if also:
                keys_of = dict_keys_of(tree, UTILS_PY, also) if tree.exists(UTILS_PY) else None
                if keys_of is None:
                    f["validator_note"] = f"the validator also accepts any key of {also} (not read)"
                else:
                    f["validator_choices"] = lits + [k for k in keys_of if k not in lits]
                    f["choices"] = f["validator_choices"]
                    f["choices_source"] = f"{LLM_ARGS_PY} validator + {UTILS_PY} {also}"
            else:
                f["choices"] = lits
    remapped, converted = special_keys(module)
    props = [p for p in class_properties(module, top) if p not in fields]
    return {
        "llm_api_yaml": keys,
        "llm_api_top_level_keys": sorted(fields),
        "llm_api_sections_checked": sections,
        "llm_api_properties_not_fields": sorted(p for p in props if p in converted),
        "llm_args_alias": top,
        "llm_args_extra_forbid": extra_forbid(module, top),
        "llm_api_yaml_special_keys": {"remapped": remapped, "converted_to_objects": converted},
    }


# ---------------------------------------------------------------------------------------------
# Quantization algorithms

def quant_algos(tree):
    module = _Module(tree.pieces(MODE_PY))
    cls = module.classes["QuantAlgo"]
    algos = [st.targets[0].id for st in cls.body
             if isinstance(st, ast.Assign) and isinstance(st.targets[0], ast.Name)]
    kv = module.assigns.get("KV_CACHE_QUANT_ALGO_LIST")
    kv_algos = [e.attr for e in kv.elts if isinstance(e, ast.Attribute)] if isinstance(kv, ast.List) else []
    return algos, kv_algos


# ---------------------------------------------------------------------------------------------
# GPU support from the docs' "Hardware Support Matrix"

# Hand-written: the docs name columns in prose; these are the QuantAlgo members (mode.py) the
# columns mean. FP8(rowwise) is QuantAlgo.FP8_PER_CHANNEL_PER_TOKEN (mode.py's from_quant_algo
# maps it to QuantMode FP8_ROWWISE); "FP8 KV Cache" is kv_cache_quant_algo FP8, keyed
# KV_CACHE_FP8 as quantcfg's profiles expect. W4A8 GPTQ has no QuantAlgo member; kept by its name.
DOC_COLUMN_KEYS = {
    "NVFP4": "NVFP4", "MXFP4": "MXFP4", "FP8(per tensor)": "FP8",
    "FP8(block scaling)": "FP8_BLOCK_SCALES", "FP8(rowwise)": "FP8_PER_CHANNEL_PER_TOKEN",
    "FP8 KV Cache": "KV_CACHE_FP8", "W4A8 AWQ": "W4A8_AWQ", "W4A16 AWQ": "W4A16_AWQ",
    "W4A8 GPTQ": "W4A8_GPTQ", "W4A16 GPTQ": "W4A16_GPTQ",
}
# Hand-written: rows that name an architecture without an SM. NVIDIA compute capabilities:
# Ampere 8.0 (A100; 8.6 consumer parts are listed as "Ampere SM80/SM86" in the docs' support
# matrix), Ada Lovelace 8.9, Hopper 9.0. A row label like "Blackwell(sm100/103)" carries its SMs
# and is parsed; its first SM names the family, as quantcfg's profiles expect (SM103 -> 100).
ARCH_SM = {"Ampere": 80, "Ada Lovelace": 89, "Hopper": 90}

# Hand-written links between a precision named in the support matrix's Precision list and the
# facts keys it bounds: an FP4 KV cache needs FP4 (NVFP4 KV cache, KvCacheConfig.dtype 'nvfp4'),
# INT8 weight-only (W8A16) needs INT8.
PRECISION_KEYS = {"FP4": ["KV_CACHE_NVFP4"], "INT8": ["W8A16"]}
# Hand-written link: below the SM at which get_mxfp4_quant_algo switches to W4A8_MXFP4_*, an MXFP4
# checkpoint is served as W4A16_MXFP4 through the MoE backend resolve_moe_backend picks for the
# architecture that ships MXFP4 (gpt-oss: GptOssForCausalLM -> TRITON); its lower SM bound is the
# minimum of W4A16_MXFP4.
MXFP4_FALLBACK_BACKEND = ("GptOssForCausalLM", "TRITON")


def _md_row(line):
    return [c.strip() for c in line.strip().strip("|").split("|")]


def hardware_matrix(text):
    """``{key: [sm, ...]}`` from the first markdown table after '## Hardware Support Matrix'."""
    m = re.search(r"^##\s+Hardware Support Matrix\s*$", text, re.M)
    if not m:
        raise ValueError("no 'Hardware Support Matrix' heading")
    rows = [l for l in text[m.end():].splitlines()]
    table = []
    for line in rows:
        if line.strip().startswith("|"):
            table.append(_md_row(line))
        elif table:
            break
    header, body = table[0], [r for r in table[1:] if not set("".join(r)) <= set(":- ")]
    unknown = [h for h in header[1:] if h not in DOC_COLUMN_KEYS]
    if unknown:
        raise ValueError(f"unknown Hardware Support Matrix columns: {unknown}")
    supported, listed = {}, []
    for r in body:
        label = r[0]
        sm = re.search(r"\(sm(\d+)(?:/\d+)*\)", label, re.I)
        if sm:
            arch_sm = int(sm.group(1))
        elif label in ARCH_SM:
            arch_sm = ARCH_SM[label]
        else:
            raise ValueError(f"unknown Hardware Support Matrix row: {label!r}")
        listed.append(arch_sm)
        for col, cell in zip(header[1:], r[1:]):
            if cell.upper() == "Y":
                supported.setdefault(DOC_COLUMN_KEYS[col], set()).add(arch_sm)
    note = re.search(r"kernels for (sm\d+(?:/\d+)*) are using MXFP8 recipe", text[m.end():])
    mxfp8 = sorted(int(x) for x in re.findall(r"\d+", note.group(1))) if note else None
    return ({k: sorted(v) for k, v in supported.items()}, min(listed) if listed else None, mxfp8)


def precision_rows(text):
    """``{precision: (lowest SM, the Precision list line that names it)}`` from the support
    matrix's Precision list (lines such as ``- Ampere (SM80, SM86) - FP32, FP16, BF16, ...``)."""
    out = {}
    for line in text.splitlines():
        m = re.match(r"\s*-\s*[A-Za-z ]+\(([^)]*)\)\s*-\s*(.+)$", line)
        if not m:
            continue
        sms = [int(x) for x in re.findall(r"SM(\d+)", m.group(1))]
        if not sms:
            continue
        for prec in re.findall(r"[A-Z]+\d+", re.sub(r"\[\^[^\]]*\]", "", m.group(2))):
            if prec not in out or sms[0] < out[prec][0]:
                out[prec] = (sms[0], line.strip().lstrip("- ").strip())
    return out


def precision_minimums(text):
    """``{precision: lowest SM}`` from the support matrix's Precision list, and the SM that INT4
    with FP8 activations needs (its footnote)."""
    out = {prec: sm for prec, (sm, _) in precision_rows(text).items()}
    fp8_act = re.search(r"with FP8 activations require SM\s*>=\s*(\d+)", text)
    return out, int(fp8_act.group(1)) if fp8_act else None


# Dtype capability rules (see tools/enginefacts/dtype_rules.py). No file read has a dtype check in
# code (the PyTorch backend's dtype handling is not among them); the support matrix's Precision list
# (SUPPORT_DOC) names the precisions per architecture, lowest Ampere (SM80, SM86). Hand-written: which
# unified dtype each listed precision is. Each entry's message is the list line naming its lowest SM.
DTYPE_PRECISIONS = {"bfloat16": "BF16", "float16": "FP16", "float32": "FP32"}


def dtype_minimums(rows, notes):
    out = {}
    for dtype, prec in DTYPE_PRECISIONS.items():
        if prec not in rows:
            notes.append(f"dtype rule {dtype} dropped: {prec} is not in the Precision list of {SUPPORT_DOC}")
            continue
        sm, line = rows[prec]
        out[dtype] = dtype_rules.entry(sm, "not listed", line, f"{SUPPORT_DOC} (Precision list)")
    return out


def _sm_bounds(test):
    """(low, high) SM bounds of a comparison such as ``90 <= sm < 100`` or ``sm() >= 100``."""
    if not isinstance(test, ast.Compare):
        return None
    vals = [test.left] + test.comparators
    low = high = None
    for (a, op, b) in zip(vals, test.ops, vals[1:]):
        ca, cb = _const(a), _const(b)
        if isinstance(ca, int) and isinstance(op, ast.LtE):
            low = ca
        elif isinstance(cb, int) and isinstance(op, ast.GtE):
            low = cb
        elif isinstance(cb, int) and isinstance(op, ast.Lt):
            high = cb
    return (low, high) if low is not None or high is not None else None


def model_config_facts(tree, enum):
    """From _torch/model_config.py: the HF quant_method values it dispatches on, QuantAlgo names it
    uses that the enum lacks, and the SMs of the MXFP4 variants."""
    methods, missing, sm = [], [], {}
    excerpts = tree.excerpts(MODEL_CONFIG_PY)
    for ctx, piece in excerpts:
        mod = ast.parse(textwrap.dedent(piece))
        for n in ast.walk(mod):
            if isinstance(n, ast.Compare) and isinstance(n.left, ast.Call) and \
                    isinstance(n.left.func, ast.Attribute) and n.left.func.attr == "get" and \
                    n.left.args and _const(n.left.args[0]) == "quant_method":
                v = _const(n.comparators[0])
                if isinstance(v, str) and v not in methods:
                    methods.append(v)
            if isinstance(n, ast.Attribute) and isinstance(n.value, ast.Name) and n.value.id == "QuantAlgo" \
                    and n.attr not in enum and n.attr not in missing:
                missing.append(n.attr)
            if isinstance(n, ast.FunctionDef) and n.name == "get_mxfp4_quant_algo":
                for node in ast.walk(n):
                    if isinstance(node, ast.If) and "get_sm_version" in ast.unparse(node.test):
                        low = _sm_bounds(node.test)[0]
                        for branch, at_least in ((node.body, True), (node.orelse, False)):
                            for r in ast.walk(ast.Module(body=branch, type_ignores=[])):
                                if isinstance(r, ast.Return) and isinstance(r.value, ast.Attribute):
                                    sm[r.value.attr] = ("min", low) if at_least else ("below", low)
            if ctx == "resolve_moe_backend" and isinstance(n, ast.If) and \
                    MXFP4_FALLBACK_BACKEND[0] in ast.unparse(n.test):
                for node in ast.walk(n):
                    if isinstance(node, ast.If) and any(isinstance(r, ast.Return) and
                                                        _const(r.value) == MXFP4_FALLBACK_BACKEND[1]
                                                        for r in node.body):
                        sm["fallback_backend_low"] = _sm_bounds(node.test)[0]
    return methods, missing, sm


def attention_backends(tree):
    """The names get_attention_backend compares its argument with, and whether it upper-cases it."""
    names, upper = [], False
    for _, piece in tree.excerpts(ATTN_UTILS_PY):
        for n in ast.walk(ast.parse(textwrap.dedent(piece))):
            if isinstance(n, ast.FunctionDef) and n.name == "get_attention_backend":
                arg = n.args.args[0].arg
                for m in ast.walk(n):
                    if isinstance(m, ast.Assign) and ast.unparse(m.value) == f"{arg}.upper()":
                        upper = True
                    if isinstance(m, ast.Compare) and isinstance(m.left, ast.Name) and m.left.id == arg \
                            and isinstance(m.ops[0], ast.Eq):
                        v = _const(m.comparators[0])
                        if isinstance(v, str) and v not in names:
                            names.append(v)
    return names, upper


def dict_keys_of(tree, path, name):
    for _, piece in tree.excerpts(path):
        for n in ast.parse(textwrap.dedent(piece)).body:
            if isinstance(n, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in n.targets):
                if isinstance(n.value, ast.Call):
                    return [k.arg for k in n.value.keywords]
                if isinstance(n.value, ast.Dict):
                    return [_const(k) for k in n.value.keys]
    return None


# ---------------------------------------------------------------------------------------------
# Assembly

def version_of(tree):
    if not tree.exists(VERSION_PY):
        return None
    for node in ast.parse(tree.text(VERSION_PY)).body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "__version__"
                                                for t in node.targets):
            return _const(node.value)
    return None


def profile_id(tree):
    tag = tree.release_tag()
    if tag:
        return tag
    date = tree.newest_date()
    if date:
        return f"main-{date}"
    return "main-" + (tree.commit_of(SERVE_CLI_YAML) or "unknown")[:8]


def compare_portable_base(tree, base, options, flags):
    """What an older serve.py (read with ast) shares with the CLI reference.

    Returns the portable flag spellings, the positional arguments, the differences between the two
    flag sets, and the YAML keys serve() pops before building the LLM arguments.
    """
    top = "\n".join(text for ctx, text in tree.excerpts(base) if ctx is None)
    old, arguments = click_options(top, "serve")
    consumed = [k for ctx, text in tree.excerpts(base) if ctx == "serve" for k in keys_popped(text)]
    old_names = {n: dest for dest, o in old.items() for n in o["flags"]}
    portable = sorted(n for n in old_names if n in flags)
    differences = {}
    for dest, o in sorted(old.items()):
        choices = o["type"][1]
        ref = next((flags[n] for n in o["flags"] if n in flags), None)
        if ref is not None and choices is not None and choices != ref.get("choices"):
            differences[dest] = {"reference": ref.get("choices"), "serve_py_ast": choices}
        if ref is not None and o.get("choice_aliases"):
            for n in o["flags"]:
                if n in flags:
                    flags[n]["choice_aliases_in_serve_py"] = o["choice_aliases"]
    ast_vs_ref = {
        "serve_py": "%s @ %s" % (tree.entry(base).get("path", base), tree.commit_of(base)),
        "only_in_reference": sorted(n for n in flags if n not in old_names),
        "only_in_serve_py_ast": sorted(n for n in old_names if n not in flags),
        "choice_differences": differences,
    }
    return portable, [a.upper() for a in arguments], ast_vs_ref, consumed


def sources_block(tree):
    """Repository path -> commit (or index id) and what was kept; a second version of a path is
    keyed 'path @ commit'."""
    out = {}
    for local in sorted(tree.read, key=lambda p: (tree.entry(p).get("path", p) != p, p)):
        e = tree.entry(local)
        path = e.get("path", local)
        key = path if path not in out else "%s @ %s" % (path, (e.get("commit") or "?")[:8])
        out[key] = {"commit": e.get("commit") or "index id %s" % e.get("index_id"),
                    "kept": e.get("kept", "whole")}
    return dict(sorted(out.items()))


def extract(src_dir, argv=None):
    tree = IndexedSources(src_dir)
    problems = []

    options, gated = reference_serve_options(tree)
    flags = flag_table(options)

    subcommands = subcommands_from_serve("\n".join(tree.pieces(SERVE_PY))) if tree.exists(SERVE_PY) else None
    if subcommands is None:
        subcommands = {"group": None, "subcommands": gated, "default_subcommand": None}
        problems.append("serve.py not read: subcommands are the gated ones of the CLI reference YAML")
    missing = [c for c in gated if c not in subcommands["subcommands"]]
    if missing:
        problems.append(f"subcommands gated by the CLI reference but not in serve.py's group: {missing}")
    extra = [c for c in subcommands["subcommands"] if c not in gated]
    if extra and tree.commit_of(SERVE_PY) != tree.commit_of(SERVE_CLI_YAML):
        problems.append("subcommands of serve.py @ %s that the CLI reference @ %s does not gate: %s"
                        % ((tree.commit_of(SERVE_PY) or "?")[:8], (tree.commit_of(SERVE_CLI_YAML) or "?")[:8], extra))
    subcommands["gated_by_cli_reference"] = gated

    base = next((p for p, e in tree.manifest.get("files", {}).items()
                 if e.get("role") == "portable_base"), None)
    portable, positional, ast_vs_ref, consumed = [], None, None, []
    if base:
        portable, positional, ast_vs_ref, consumed = compare_portable_base(tree, base, options, flags)
    else:
        problems.append("no older serve.py read: portable_flags and positional are empty")

    api = llm_api(tree)
    if consumed:
        api["llm_api_yaml_special_keys"]["consumed_by_serve"] = consumed
    algos, kv_algos = quant_algos(tree)
    # quant_config is a property over a private attribute, not a field; with extra='forbid' a YAML
    # quant_config is not a declared key. Its two fields are QuantConfig's quant_algo and
    # kv_cache_quant_algo (tensorrt_llm/models/modeling_utils.py, not read here).
    for prop in api["llm_api_properties_not_fields"]:
        if prop == "quant_config":
            note = ("not a declared field of %s (a property over a private attribute); with "
                    "extra='forbid' pydantic rejects it; quantization comes from the checkpoint"
                    % api["llm_args_alias"])
            api["llm_api_yaml"]["quant_config.quant_algo"] = {
                "type": "str", "choices": algos, "accepted": False, "note": note}
            api["llm_api_yaml"]["quant_config.kv_cache_quant_algo"] = {
                "type": "str", "choices": kv_algos, "accepted": False, "note": note}

    doc = "".join(tree.pieces(QUANT_DOC))
    supported, lowest, mxfp8 = hardware_matrix(doc)
    min_sm = {k: v[0] for k, v in supported.items()}
    min_sm_provenance = {k: QUANT_DOC + " (Hardware Support Matrix)" for k in min_sm}
    if mxfp8:
        min_sm["MXFP8"] = mxfp8[0]
        min_sm_provenance["MXFP8"] = QUANT_DOC + " (note under the Hardware Support Matrix: sm%s use the MXFP8 recipe)" \
            % "/".join(map(str, mxfp8))
    fp8_act = None
    dtype_min = {}
    if tree.exists(SUPPORT_DOC):
        support_text = "".join(tree.pieces(SUPPORT_DOC))
        precisions, fp8_act = precision_minimums(support_text)
        dtype_min = dtype_minimums(precision_rows(support_text), problems)
        for prec, keys in PRECISION_KEYS.items():
            for k in keys:
                if prec in precisions and k not in min_sm:
                    min_sm[k] = precisions[prec]
                    min_sm_provenance[k] = f"{SUPPORT_DOC} (Precision list: {prec} from SM{precisions[prec]})"
    else:
        problems.append(f"{SUPPORT_DOC} not read: no minimum for {sorted(k for v in PRECISION_KEYS.values() for k in v)}"
                        " and no dtype minimums")

    hf_methods, not_in_enum = None, None
    if tree.exists(MODEL_CONFIG_PY):
        methods, missing, mx = model_config_facts(tree, algos)
        hf_methods = {m: [MODEL_CONFIG_PY] for m in sorted(methods)}
        not_in_enum = {m: [MODEL_CONFIG_PY] for m in sorted(missing)}
        low = mx.pop("fallback_backend_low", None)
        for algo, (kind, sm) in sorted(mx.items()):
            if kind == "min":
                min_sm.setdefault(algo, sm)
                min_sm_provenance.setdefault(algo, f"{MODEL_CONFIG_PY} get_mxfp4_quant_algo (SM >= {sm})")
            elif low is not None:
                min_sm.setdefault(algo, low)
                min_sm_provenance.setdefault(algo, (
                    f"{MODEL_CONFIG_PY} get_mxfp4_quant_algo (below SM{sm}) + resolve_moe_backend "
                    f"({MXFP4_FALLBACK_BACKEND[0]} -> {MXFP4_FALLBACK_BACKEND[1]} from SM{low})"))
    else:
        problems.append(f"{MODEL_CONFIG_PY} not read: no MXFP4 variants, hf_quant_methods or names missing from QuantAlgo")

    if tree.exists(ATTN_UTILS_PY):
        names, upper = attention_backends(tree)
        f = api["llm_api_yaml"].get("attn_backend")
        if f is not None and names:
            # llm_args.py says (comment at attn_backend) that its values mirror get_attention_backend.
            f["choices"] = names
            f["case_insensitive"] = upper
            f["choices_source"] = ATTN_UTILS_PY

    version = version_of(tree)
    pid = profile_id(tree)
    version_commit = tree.commit_of(VERSION_PY)
    flags_commit = tree.commit_of(SERVE_CLI_YAML)
    consistent = version is not None and (version_commit == flags_commit or tree.release_tag() is not None)

    facts = {
        "generated_by": "tools/enginefacts/trtllm.py: static reading of single engine source files (no engine code was run)",
        "profile_id": pid,
        "version": version if consistent else pid,
        "version_py": {"value": version, "commit": version_commit, "consistent": consistent},
        "commit": flags_commit,
        "sources": sources_block(tree),
        "source_note": "Read file by file from the public-code file index; each file's commit is under \"sources\".",
        "notes": {
            "commit_meaning": "commit of the CI-enforced serve CLI reference YAML (the flags source); "
                              "no single tree commit exists, see 'sources'",
            "version_note": None if consistent else (
                "tensorrt_llm/version.py read from commit %s says %s, but that is not the commit of "
                "the CLI reference; the version of the files read is unknown" % (version_commit, version)),
            "portable_flags": portable,
            "portable_flags_provenance": (
                "flags of serve() in %s @ %s that the CLI reference still lists under the same "
                "spelling" % (tree.entry(base).get("path", base), tree.commit_of(base))) if base else None,
        },
        "command": ["trtllm-serve"],
        "flags_source": SERVE_CLI_YAML,
        "flags_ast_vs_reference": ast_vs_ref,
        "flags": flags,
        "positional": positional,
        "subcommands": subcommands,
        **api,
        "quant_algo": algos,
        **({"quant_algo_referenced_not_in_enum": not_in_enum} if not_in_enum is not None else {}),
        **({"hf_quant_methods": hf_methods} if hf_methods is not None else {}),
        "kv_cache_quant_algo": kv_algos,
        "min_sm": min_sm,
        "min_sm_provenance": min_sm_provenance,
        "supported_sm": supported,
        "lowest_listed_sm": lowest,
        "int4_with_fp8_activations_min_sm": fp8_act if fp8_act is not None else min_sm.get("W4A8_AWQ"),
        "dtype_min_capability": dtype_min,
        "problems": problems,
    }
    facts["provenance"] = tree.provenance(argv)
    return facts


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("src", help="folder of single source files with manifest.json")
    ap.add_argument("-o", "--output", required=True)
    args = ap.parse_args(argv)
    facts = extract(args.src)
    write_facts(args.output, facts)
    print(f"wrote {args.output}: {len(facts['flags'])} flag spellings, "
          f"{len(facts['llm_api_yaml'])} YAML keys, {len(facts['quant_algo'])} quant algos")


if __name__ == "__main__":
    sys.exit(main())
