"""Static evaluation of Python source for the engine-facts readers (standard library only).

Nothing here imports or runs engine code. ``Modules`` parses the files of a ``SourceTree`` on
demand and resolves names across ``import`` statements; ``Evaluator`` computes the value of an
expression when every part of it is statically known (literals, class constants, ``Literal``
type aliases, enum members, ``get_args``/``list``/``sorted``/``permutations`` ...) and otherwise
returns an ``Unknown`` carrying the expression's source text, so that callers can record it as
dynamic instead of guessing (``Evaluator.value`` raises ``Unresolvable`` with that text instead).

Module-level lists are followed through their unconditional ``.append/.extend/.add/.update/
.insert`` and ``+=`` (also through an alias such as ``add_x = LIST.extend``) and through
``X = X | {...}``; the same changes under an ``if`` or in an ``except`` are not applied but
reported by ``Modules.mutations`` so that readers can note them. Sets are ``SetValue`` lists.
Used by both the vLLM and the SGLang reader.
"""
import ast
import itertools


class Unknown:
    """A value that cannot be computed statically; ``expr`` is its source text."""

    def __init__(self, expr):
        self.expr = expr

    def __repr__(self):
        return f"Unknown({self.expr!r})"


class Unresolvable(Exception):
    """Raised by ``Evaluator.value`` for a value not fully known; ``expr`` is the source text."""

    def __init__(self, expr):
        super().__init__(expr)
        self.expr = expr


class Partial:
    """A list known in part: ``known`` items plus ``dynamic`` expressions added at run time."""

    def __init__(self, known, dynamic):
        self.known = list(known)
        self.dynamic = list(dynamic)


class SetValue(list):
    """A Python set, kept as a list in insertion order; its order means nothing (callers sort it)."""

    @classmethod
    def of(cls, items):
        out = cls()
        out.extend(x for x in items if x not in out)
        return out


class Marker:
    """A symbolic object (``json.loads``, ``argparse.BooleanOptionalAction``, a function ...)."""

    def __init__(self, name, **attrs):
        self.name = name
        self.__dict__.update(attrs)

    def __repr__(self):
        return f"Marker({self.name!r})"

    def __eq__(self, other):
        return isinstance(other, Marker) and other.name == self.name

    def __hash__(self):
        return hash(self.name)


class LiteralType:
    """``typing.Literal[...]`` with its values in source order."""

    def __init__(self, values):
        self.values = tuple(values)


class ClassRef:
    """A class defined in a module of the tree."""

    def __init__(self, module, node):
        self.module = module
        self.node = node
        self.name = node.name

    def __eq__(self, other):
        return isinstance(other, ClassRef) and (other.module, other.name) == (self.module, self.name)

    def __hash__(self):
        return hash((self.module, self.name))


class FuncRef:
    def __init__(self, module, node, owner=None):
        self.module = module
        self.node = node
        self.owner = owner


BUILTIN_TYPES = {"int", "str", "float", "bool", "dict", "list", "tuple", "set", "bytes", "object",
                 "frozenset", "type"}
TYPING_GENERICS = {"Dict": "dict", "List": "list", "Tuple": "tuple", "Set": "set",
                   "FrozenSet": "frozenset", "Sequence": "list", "Mapping": "dict",
                   "MutableSequence": "list", "Iterable": "list", "Collection": "list",
                   "AbstractSet": "set"}


class Modules:
    """Parsed modules of a source tree, by dotted name."""

    def __init__(self, tree, roots=("",)):
        self.tree = tree
        self.roots = roots  # folders that hold the importable packages ("python" for SGLang)
        self._cache = {}
        self._mutations = {}

    def path_of(self, module):
        base = module.replace(".", "/")
        for root in self.roots:
            for p in (base + ".py", base + "/__init__.py"):
                p = f"{root}/{p}" if root else p
                if self.tree.exists(p):
                    return p
        return None

    def get(self, module):
        """The ``ast.Module`` of a dotted module name, or None when it is not in the tree."""
        if module not in self._cache:
            path = self.path_of(module)
            self._cache[module] = ast.parse(self.tree.text(path)) if path else None
        return self._cache[module]

    def mutations(self, module):
        """Module-level changes of lists (and dicts) in ``module``: (unconditional, conditional).

        ``unconditional``: name -> [(statement, method, argument nodes), ...] in source order:
        ``X.append/extend/add/update/insert(...)``, ``X += ...`` and calls of an alias
        ``add_x = X.extend``, at the top level or in a ``try`` body; ``Evaluator`` applies them to
        the value ``X`` is assigned before them.
        ``conditional``: name -> [source of each added value] for the same changes under an ``if``
        or in an ``except`` handler: they happen only on some platforms, so they are reported, not
        applied.
        """
        if module not in self._mutations:
            tree = self.get(module)
            unconditional, cond, aliases = {}, {}, {}
            for st, conditional in run_order(tree.body if tree else []):
                target, method, args = _mutation(st, aliases)
                if target is not None:
                    if conditional:
                        cond.setdefault(target, []).extend(ast.unparse(a) for a in args)
                    else:
                        unconditional.setdefault(target, []).append((st, method, args))
                elif not conditional and isinstance(st, ast.Assign):
                    v = st.value
                    for t in st.targets:
                        if isinstance(t, ast.Name) and isinstance(v, ast.Attribute) and \
                                isinstance(v.value, ast.Name) and v.attr in MUTATORS:
                            aliases[t.id] = (v.value.id, v.attr)  # add_x = LIST.extend
                        elif isinstance(t, ast.Name):
                            aliases.pop(t.id, None)
            self._mutations[module] = (unconditional, cond)
        return self._mutations[module]

    def parsed(self):
        """Dotted names of the modules parsed so far, in the order they were first asked for."""
        return [m for m, t in self._cache.items() if t is not None]

    def source(self, module):
        path = self.path_of(module)
        return self.tree.text(path) if path else None

    @staticmethod
    def absolute(module, level, name, is_package):
        if not level:
            return name
        parts = module.split(".")
        if not is_package:
            parts = parts[:-1]
        if level > 1:
            parts = parts[: len(parts) - (level - 1)]
        return ".".join(parts + ([name] if name else []))

    def is_package(self, module):
        p = self.path_of(module)
        return bool(p and p.endswith("__init__.py"))

    def find_top(self, module, name, _seen=None, before=None):
        """The defining node of ``name`` in ``module``: ('class'|'func'|'assign'|'module', module, node).

        ``before``: a line number; only statements of ``module`` above it count (the binding that
        ``X = X | {...}`` on that line reads).
        """
        _seen = _seen or set()
        if (module, name) in _seen:
            return None
        _seen.add((module, name))
        tree = self.get(module)
        if tree is None:
            return None
        found = None
        for node in _walk_top(tree.body):
            if before is not None and node.lineno >= before:
                break
            if isinstance(node, ast.ClassDef) and node.name == name:
                found = ("class", module, node)
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
                found = ("func", module, node)
            elif isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name
                                                      for t in node.targets):
                found = ("assign", module, node.value)
            elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                    and node.target.id == name and node.value is not None:
                found = ("assign", module, node.value)
            elif type(node).__name__ == "TypeAlias" and node.name.id == name:
                found = ("assign", module, node.value)
            elif isinstance(node, ast.ImportFrom):
                for a in node.names:
                    if (a.asname or a.name) == name:
                        src = self.absolute(module, node.level, node.module or "", self.is_package(module))
                        r = self.find_top(src, a.name, _seen)
                        if r is None and self.path_of(src + "." + a.name):
                            r = ("module", src + "." + a.name, None)
                        if r is not None:
                            found = r
            elif isinstance(node, ast.Import):
                for a in node.names:
                    if a.asname == name or (a.asname is None and a.name.split(".")[0] == name):
                        target = a.name if a.asname else a.name.split(".")[0]
                        found = ("module", target, None)
        return found


MUTATORS = ("append", "extend", "add", "update", "insert")


def run_order(body, conditional=False):
    """(statement, conditional) for the module-level statements of ``body`` in the order they run.

    A statement under an ``if`` (either branch) or in an ``except`` handler is conditional; a
    ``try`` body runs as its surroundings do (under a condition, with its ``else``). Unlike
    ``_walk_top`` (where the last binding wins), this is for readers that track what runs
    unconditionally: module-level list changes here, and the names a module binds in sglang.py.
    """
    for st in body:
        if isinstance(st, ast.If) or conditional and isinstance(st, ast.Try):
            yield from run_order(st.body, True)
            yield from run_order(st.orelse, True)
        elif isinstance(st, ast.Try):
            yield from run_order(st.body, conditional)
            for h in st.handlers:
                yield from run_order(h.body, True)
        else:
            yield st, conditional


def _mutation(st, aliases):
    """(name, method, [argument nodes]) when ``st`` changes a module-level name in place, else Nones."""
    if isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name) and isinstance(st.op, ast.Add):
        return st.target.id, "+=", [st.value]
    if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
        f = st.value.func
        if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and f.attr in MUTATORS:
            return f.value.id, f.attr, list(st.value.args)
        if isinstance(f, ast.Name) and f.id in aliases:
            return aliases[f.id][0], aliases[f.id][1], list(st.value.args)
    return None, None, None


def _not_known(v, _depth=0):
    """Source text of the first part of ``v`` that is not known, or None when all of it is."""
    if isinstance(v, Unknown):
        return v.expr
    if isinstance(v, Partial):
        return ", ".join(v.dynamic)
    if isinstance(v, Marker):
        if getattr(v, "unresolved", False):
            return v.name
        if v.name in ("call", "lambda"):
            return ast.unparse(v.node)
        return None
    if isinstance(v, (list, tuple)) and _depth < 16:
        return next((b for b in (_not_known(x, _depth + 1) for x in v) if b is not None), None)
    if isinstance(v, dict) and _depth < 16:
        return next((b for b in (_not_known(x, _depth + 1) for x in list(v) + list(v.values()))
                     if b is not None), None)
    return None


def _bind(target, value, env):
    """Bind a comprehension target (a name or a tuple of names) in ``env``; False when it cannot."""
    if isinstance(target, ast.Name):
        env[target.id] = value
        return True
    if isinstance(target, ast.Tuple) and isinstance(value, (list, tuple)) and len(value) == len(target.elts):
        return all(_bind(t, v, env) for t, v in zip(target.elts, value))
    return False


def _walk_top(body):
    """Top-level statements, looking into ``if``/``try`` blocks.

    Under ``if TYPE_CHECKING:`` only imports count: an assignment there is a declaration for type
    checkers (vllm/envs.py declares ``VLLM_X: bool = False`` while the value comes from the
    environment at run time), not the value a name has.
    """
    for node in body:
        if isinstance(node, ast.If):
            if ast.unparse(node.test).split(".")[-1] == "TYPE_CHECKING":
                yield from (n for n in _walk_top(node.body) if isinstance(n, (ast.Import, ast.ImportFrom)))
            else:
                yield from _walk_top(node.body)
            yield from _walk_top(node.orelse)
        elif isinstance(node, ast.Try):
            yield from _walk_top(node.body)
            for h in node.handlers:
                yield from _walk_top(h.body)
        else:
            yield node


def class_bases(mods, cref):
    out = []
    for b in cref.node.bases:
        name = ast.unparse(b)
        if isinstance(b, ast.Subscript):
            b = b.value
            name = ast.unparse(b)
        r = resolve_dotted(mods, cref.module, name)
        if r and r[0] == "class":
            out.append(ClassRef(r[1], r[2]))
        else:
            out.append(name.split(".")[-1])
    return out


def resolve_dotted(mods, module, dotted):
    """Resolve ``a.b.C`` as seen from ``module``."""
    parts = dotted.split(".")
    r = mods.find_top(module, parts[0])
    for p in parts[1:]:
        if r is None:
            return None
        if r[0] == "module":
            r = mods.find_top(r[1], p)
        else:
            return None
    return r


def is_enum(mods, cref, _depth=0):
    if _depth > 8:
        return False
    for b in class_bases(mods, cref):
        if isinstance(b, str):
            if b in ("Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"):
                return True
        elif is_enum(mods, b, _depth + 1):
            return True
    return False


def is_dataclass(cref):
    for d in cref.node.decorator_list:
        name = ast.unparse(d.func if isinstance(d, ast.Call) else d).split(".")[-1]
        if name in ("dataclass", "config"):
            return True
    return False


def enum_members(cref):
    """(name, value-node) of each member of an Enum class, in order."""
    out = []
    for node in cref.node.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name = node.targets[0].id
            if not name.startswith("_"):
                out.append((name, node.value))
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            if not node.target.id.startswith("_"):
                out.append((node.target.id, node.value))
    return out


def _search_mro(mods, cref, find, _depth=0):
    """``find(cref)`` on the class, then on its base classes (depth first), until it returns a value."""
    r = find(cref)
    if r is None and _depth < 8:
        for b in class_bases(mods, cref):
            if isinstance(b, ClassRef):
                r = _search_mro(mods, b, find, _depth + 1)
                if r is not None:
                    break
    return r


def class_attr(mods, cref, name):
    """(module, value node, defining ClassRef) of a class attribute, looking through base classes."""
    def find(c):
        for node in c.node.body:
            if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == name for t in node.targets):
                return c.module, node.value, c
            if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) \
                    and node.target.id == name and node.value is not None:
                return c.module, node.value, c
        return None
    return _search_mro(mods, cref, find)


def class_method(mods, cref, name):
    """(ClassRef that defines it, FunctionDef) for a method, looking through base classes."""
    def find(c):
        return next(((c, n) for n in c.node.body
                     if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef)) and n.name == name), None)
    return _search_mro(mods, cref, find)


def dataclass_fields(mods, cref, _depth=0):
    """Ordered (name, annotation node, default node or None, module) of a dataclass, bases first."""
    out = {}
    if _depth < 8:
        for b in reversed(class_bases(mods, cref)):
            if isinstance(b, ClassRef):
                for f in dataclass_fields(mods, b, _depth + 1):
                    out[f[0]] = f
    for node in cref.node.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            ann = ast.unparse(node.annotation)
            if ann.startswith(("ClassVar", "typing.ClassVar", "InitVar")):
                continue
            out[node.target.id] = (node.target.id, node.annotation, node.value, cref.module)
    return list(out.values())


class ClassScope(dict):
    """Names visible in a class body (``ALL = (FULL, BREAKABLE)``), evaluated when looked up."""

    def __init__(self, ev, cref):
        super().__init__()
        self._ev, self._cref = ev, cref

    def _find(self, name):
        return class_attr(self._ev.mods, self._cref, name)

    def __contains__(self, name):
        return dict.__contains__(self, name) or self._find(name) is not None

    def __getitem__(self, name):
        if not dict.__contains__(self, name):
            r = self._find(name)
            self[name] = Unknown(name)  # guards against self-reference while evaluating
            self[name] = self._ev.eval(r[1], r[0], ClassScope(self._ev, r[2]))
        return dict.__getitem__(self, name)


class Evaluator:
    """Computes expression values from source, or ``Unknown`` when it cannot."""

    def __init__(self, mods):
        self.mods = mods

    def name(self, module, name, env=None):
        if env is not None and name in env:
            return env[name]
        if name in ("True", "False", "None"):
            return {"True": True, "False": False, "None": None}[name]
        r = self.mods.find_top(module, name)
        if r is None:
            if name in BUILTIN_TYPES or name in ("Literal", "Optional", "Union", "Annotated", "Any"):
                return Marker(name)
            return Marker(name, unresolved=True)
        return self._from_def(r, name)

    def _from_def(self, r, name):
        kind, mod, node = r
        if kind == "class":
            return ClassRef(mod, node)
        if kind == "func":
            return FuncRef(mod, node)
        if kind == "module":
            return Marker("module:" + mod, module=mod)
        env = None
        if any(isinstance(n, ast.Name) and n.id == name for n in ast.walk(node)):
            # ``X = X | {...}``: X on the right is the binding above this line.
            prev = self.mods.find_top(mod, name, before=node.lineno)
            env = {name: self._from_def(prev, name) if prev else Unknown(name)}
        value = self.eval(node, mod, env)
        for st, method, args in self.mods.mutations(mod)[0].get(name, []):
            if st.lineno > node.lineno:
                value = self._mutated(value, method, [self.eval(a, mod) for a in args], st)
        return value

    @staticmethod
    def _mutated(cur, method, args, st):
        """``cur`` after the module-level statement ``st`` (``cur.<method>(*args)`` or ``+=``)."""
        unknown = Unknown(ast.unparse(st))
        if not isinstance(cur, (list, tuple, dict)) or \
                any(_not_known(a) is not None for a in args):
            return unknown
        try:
            if method == "+=":
                return list(cur) + list(args[0])
            cur = SetValue(cur) if isinstance(cur, SetValue) else dict(cur) if isinstance(cur, dict) else list(cur)
            if method in ("append", "add"):
                if method == "append" or args[0] not in cur:
                    cur.append(args[0])
            elif method == "extend":
                cur.extend(args[0])
            elif method == "update" and isinstance(cur, dict):
                cur.update(args[0])
            elif method == "update":
                cur.extend(a for a in args[0] if a not in cur)
            elif method == "insert":
                cur.insert(args[0], args[1])
            return cur
        except (KeyError, IndexError, TypeError, AttributeError):
            return unknown

    def value(self, node, module, env=None):
        """The value of ``node`` when it is fully known, else raise ``Unresolvable`` with the source
        text of the part that is not: an ``Unknown``, a partly known list, an unresolved name, the
        result of calling something that is not evaluated (``Marker('call')``) or a lambda."""
        v = self.eval(node, module, env)
        bad = _not_known(v)
        if bad is not None:
            raise Unresolvable(bad)
        return v

    def eval(self, node, module, env=None):
        try:
            return self._eval(node, module, env if env is not None else {})
        except RecursionError:
            return Unknown(ast.unparse(node))

    def _eval(self, node, module, env):
        ev = lambda n: self._eval(n, module, env)  # noqa: E731
        if isinstance(node, ast.Constant):
            return node.value
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            items = []
            for e in node.elts:
                if isinstance(e, ast.Starred):
                    v = ev(e.value)
                    if not isinstance(v, (list, tuple, set)):
                        return Unknown(ast.unparse(node))
                    items.extend(v)
                else:
                    items.append(ev(e))
            if isinstance(node, ast.Set):
                return SetValue.of(items)
            return tuple(items) if isinstance(node, ast.Tuple) else items
        if isinstance(node, ast.Dict):
            d = {}
            for k, v in zip(node.keys, node.values):
                if k is None:
                    inner = ev(v)
                    if not isinstance(inner, dict):
                        return Unknown(ast.unparse(node))
                    d.update(inner)
                else:
                    key = ev(k)
                    if isinstance(key, (Unknown, list, dict)):
                        return Unknown(ast.unparse(node))
                    d[key] = ev(v)
            return d
        if isinstance(node, ast.Name):
            return self.name(module, node.id, env)
        if isinstance(node, ast.Attribute):
            base = ev(node.value)
            return self.attribute(base, node.attr, node)
        if isinstance(node, ast.Subscript):
            base = ev(node.value)
            if isinstance(base, Marker) and base.name == "Literal":
                sl = node.slice
                elts = sl.elts if isinstance(sl, ast.Tuple) else [sl]
                vals = []
                for e in elts:
                    v = ev(e)
                    if isinstance(v, LiteralType):
                        vals.extend(v.values)
                    elif isinstance(v, Unknown):
                        return v
                    else:
                        vals.append(v)
                return LiteralType(vals)
            key = ev(node.slice)
            if isinstance(base, (dict, list, tuple)) and not isinstance(key, (Unknown, list, dict)):
                try:
                    return base[key]
                except (KeyError, IndexError, TypeError):
                    return Unknown(ast.unparse(node))
            return Unknown(ast.unparse(node))
        if isinstance(node, ast.BinOp):
            left, right = ev(node.left), ev(node.right)
            if isinstance(node.op, ast.Add):
                if isinstance(left, (list, tuple)) and isinstance(right, Unknown):
                    return Partial(left, [right.expr])
                if isinstance(left, Partial) and isinstance(right, (list, tuple)):
                    return Partial(left.known + list(right), left.dynamic)
                if isinstance(left, Partial) and isinstance(right, Unknown):
                    return Partial(left.known, left.dynamic + [right.expr])
                if isinstance(left, Unknown) and isinstance(right, (list, tuple)):
                    return Partial(right, [left.expr])
            if isinstance(left, (Unknown, Partial)) or isinstance(right, (Unknown, Partial)):
                return Unknown(ast.unparse(node))
            if isinstance(node.op, ast.Add) and type(left) is type(right) and \
                    isinstance(left, (list, tuple, str, int, float)):
                return left + right
            if isinstance(node.op, ast.BitOr) and isinstance(left, dict) and isinstance(right, dict):
                return {**left, **right}
            if isinstance(node.op, ast.BitOr) and isinstance(left, list) and isinstance(right, list):
                return SetValue.of(list(left) + list(right))  # set union of list-valued sets
            if isinstance(node.op, ast.Mult) and isinstance(left, (int, float)) and isinstance(right, (int, float)):
                return left * right
            return Unknown(ast.unparse(node))
        if isinstance(node, ast.IfExp):
            if isinstance(node.body, ast.List) and len(node.body.elts) == 1 and \
                    isinstance(node.orelse, ast.List) and not node.orelse.elts:
                # ``[X] if cond else []``: "X, or nothing" -- report X itself when unknown.
                x = ev(node.body.elts[0])
                if isinstance(x, (Unknown, Marker)) and getattr(x, "unresolved", True):
                    return Unknown(ast.unparse(node.body.elts[0]))
            test = ev(node.test)
            if isinstance(test, (bool, int, str)) and not isinstance(test, Unknown):
                return ev(node.body) if test else ev(node.orelse)
            return Unknown(ast.unparse(node))
        if isinstance(node, ast.JoinedStr):
            parts = []
            for v in node.values:
                if isinstance(v, ast.Constant):
                    parts.append(v.value)
                else:
                    x = ev(v.value)
                    if isinstance(x, (Unknown, Marker, ClassRef)):
                        return Unknown(ast.unparse(node))
                    parts.append(str(x))
            return "".join(parts)
        if isinstance(node, ast.Call):
            return self.call(node, module, env)
        if isinstance(node, (ast.ListComp, ast.GeneratorExp, ast.SetComp, ast.DictComp)) and \
                len(node.generators) == 1:
            g = node.generators[0]
            it = ev(g.iter)
            if isinstance(it, dict):
                it = list(it)
            if isinstance(it, ClassRef) and is_enum(self.mods, it):
                it = [self.attribute(it, m, node) for m, _ in enum_members(it)]
            if isinstance(it, (list, tuple)):
                out = []
                for x in it:
                    e2 = dict(env)
                    if not _bind(g.target, x, e2):
                        return Unknown(ast.unparse(node))
                    if all(self._eval(c, module, e2) is True for c in g.ifs):
                        if isinstance(node, ast.DictComp):
                            out.append((self._eval(node.key, module, e2), self._eval(node.value, module, e2)))
                        else:
                            out.append(self._eval(node.elt, module, e2))
                if isinstance(node, ast.DictComp):
                    if any(isinstance(k, (Unknown, list, dict)) for k, _ in out):
                        return Unknown(ast.unparse(node))
                    return dict(out)
                return SetValue.of(out) if isinstance(node, ast.SetComp) else out
            return Unknown(ast.unparse(node))
        if isinstance(node, ast.Compare) and len(node.ops) == 1:
            a, b = ev(node.left), ev(node.comparators[0])
            if any(isinstance(x, (Unknown, Partial)) or getattr(x, "unresolved", False) for x in (a, b)):
                return Unknown(ast.unparse(node))
            op = node.ops[0]
            try:
                if isinstance(op, ast.In):
                    return a in b
                if isinstance(op, ast.NotIn):
                    return a not in b
                if isinstance(op, ast.Eq):
                    return a == b
                if isinstance(op, ast.NotEq):
                    return a != b
            except TypeError:
                pass
            return Unknown(ast.unparse(node))
        if isinstance(node, ast.UnaryOp):
            v = ev(node.operand)
            if isinstance(node.op, ast.Not) and isinstance(v, bool):
                return not v
            if isinstance(node.op, ast.USub) and isinstance(v, (int, float)):
                return -v
            return Unknown(ast.unparse(node))
        if isinstance(node, ast.Lambda):
            return Marker("lambda", node=node, module=module)
        return Unknown(ast.unparse(node))

    def attribute(self, base, attr, node):
        if isinstance(base, ClassRef):
            if is_enum(self.mods, base):
                for name, value in enum_members(base):
                    if name == attr:
                        return Marker(f"{base.name}.{name}", enum=base, member=name,
                                      value=self.eval(value, base.module))
            r = class_attr(self.mods, base, attr)
            if r is not None:
                return self.eval(r[1], r[0], ClassScope(self, r[2]))
            m = class_method(self.mods, base, attr)
            if m is not None:
                return FuncRef(m[0].module, m[1], owner=base)
            return Unknown(ast.unparse(node))
        if isinstance(base, Marker) and base.name.startswith("module:"):
            r = self.mods.find_top(base.module, attr)
            if r is not None:
                return self._from_def(r, attr)
            if self.mods.path_of(base.module + "." + attr):
                return Marker("module:" + base.module + "." + attr, module=base.module + "." + attr)
            return Marker(base.name[len("module:"):] + "." + attr, unresolved=True)
        if isinstance(base, Marker) and hasattr(base, "enum"):
            if attr == "value":
                return base.value
            if attr == "name":
                return base.member
        if isinstance(base, Marker) and getattr(base, "unresolved", False):
            return Marker(base.name + "." + attr, unresolved=True)
        if isinstance(base, Marker) and not getattr(base, "unresolved", False) and base.name in BUILTIN_TYPES:
            return Marker(base.name + "." + attr)
        if isinstance(base, (str, list, dict)) and not isinstance(base, Unknown):
            return Marker("method", obj=base, attr=attr)
        return Unknown(ast.unparse(node))

    def call(self, node, module, env):
        fn = self._eval(node.func, module, env)
        args = [self._eval(a, module, env) for a in node.args if not isinstance(a, ast.Starred)]
        kwargs = {k.arg: self._eval(k.value, module, env) for k in node.keywords if k.arg}
        if any(isinstance(a, ast.Starred) for a in node.args):
            return Unknown(ast.unparse(node))
        unknown = Unknown(ast.unparse(node))
        if isinstance(fn, Marker):
            name = fn.name.split(".")[-1] if fn.name != "method" else None
            if fn.name == "method":
                obj, attr = fn.obj, fn.attr
                if isinstance(obj, str) and attr == "join" and len(args) == 1 and isinstance(args[0], (list, tuple)) \
                        and all(isinstance(a, str) for a in args[0]):
                    return obj.join(args[0])
                if isinstance(obj, str) and attr in ("replace", "lower", "upper", "strip") and \
                        all(isinstance(a, str) for a in args):
                    return getattr(obj, attr)(*args)
                if isinstance(obj, dict) and attr == "keys":
                    return list(obj)
                if isinstance(obj, dict) and attr == "values":
                    return list(obj.values())
                if isinstance(obj, dict) and attr == "items":
                    return list(obj.items())
                if isinstance(obj, dict) and attr == "get" and args and not isinstance(args[0], Unknown):
                    return obj.get(args[0], args[1] if len(args) > 1 else None)
                return unknown
            if name == "get_args" and len(args) == 1:
                a = args[0]
                if isinstance(a, LiteralType):
                    return a.values
                return unknown
            if name in ("list", "tuple", "sorted", "set", "frozenset") and len(args) == 1:
                a = args[0]
                if isinstance(a, LiteralType):
                    a = a.values
                if isinstance(a, ClassRef) and is_enum(self.mods, a):
                    a = [self.attribute(a, m, node) for m, _ in enum_members(a)]
                if isinstance(a, dict):
                    a = list(a)
                if isinstance(a, (list, tuple, set)):
                    if name == "sorted":
                        try:
                            return sorted(a, reverse=bool(kwargs.get("reverse")))
                        except TypeError:
                            return unknown
                    return {"list": list, "tuple": tuple, "set": SetValue.of, "frozenset": SetValue.of}[name](a)
                return unknown
            if name == "permutations" and args and isinstance(args[0], (list, tuple)):
                r = kwargs.get("r", args[1] if len(args) > 1 else None)
                return [tuple(p) for p in itertools.permutations(args[0], r)]
            if name == "str" and len(args) == 1 and isinstance(args[0], (int, float, str)):
                return str(args[0])
            if name == "int" and len(args) == 1 and isinstance(args[0], (int, str)) and not isinstance(args[0], bool):
                try:
                    return int(args[0])
                except ValueError:
                    return unknown
            if name == "field" or name == "Field":
                if "default" in kwargs:
                    return kwargs["default"]
                f = kwargs.get("default_factory")
                if isinstance(f, Marker) and f.name == "lambda":
                    return self.eval(f.node.body, f.module)
                if isinstance(f, Marker) and f.name in ("list", "dict", "set"):
                    return {"list": [], "dict": {}, "set": []}[f.name]
                return unknown
            return Marker("call", func=fn, args=args, kwargs=kwargs, node=node)
        if isinstance(fn, ClassRef) and is_enum(self.mods, fn) and len(args) == 1:
            for m, v in enum_members(fn):
                if self.eval(v, fn.module) == args[0]:
                    return self.attribute(fn, m, node)
        return unknown


# ----- type hints -----------------------------------------------------------------------------

class TypeHint:
    """One member of a flattened type hint: kind in builtin|none|literal|enum|dataclass|class|generic|any."""

    def __init__(self, kind, name=None, values=None, args=None, ref=None):
        self.kind, self.name, self.values, self.args, self.ref = kind, name, values, args, ref

    def __repr__(self):
        return f"TypeHint({self.kind}, {self.name})"


def type_hints(ev, node, module, _depth=0):
    """Flattened set (list) of TypeHint of an annotation, as ``get_type_hints`` of arg_utils does."""
    if _depth > 12:
        return [TypeHint("class", name="?")]
    rec = lambda n, m=module: type_hints(ev, n, m, _depth + 1)  # noqa: E731
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        try:
            return rec(ast.parse(node.value, mode="eval").body)
        except SyntaxError:
            return [TypeHint("class", name=node.value)]
    if isinstance(node, ast.Constant) and node.value is None:
        return [TypeHint("none")]
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return rec(node.left) + rec(node.right)
    if isinstance(node, ast.Subscript):
        head = ast.unparse(node.value).split(".")[-1]
        sl = node.slice
        elts = list(sl.elts) if isinstance(sl, ast.Tuple) else [sl]
        if head == "Literal":
            v = ev.eval(node, module)
            return [TypeHint("literal", values=v.values)] if isinstance(v, LiteralType) else \
                [TypeHint("class", name=ast.unparse(node))]
        if head == "Optional":
            return rec(elts[0]) + [TypeHint("none")]
        if head == "Union":
            return [h for e in elts for h in rec(e)]
        if head == "Annotated":
            return rec(elts[0])
        origin = TYPING_GENERICS.get(head, head)
        if origin in ("list", "tuple", "set", "dict", "frozenset"):
            return [TypeHint("generic", name=origin, args=[(e, module) for e in elts])]
        if origin == "type":
            return [TypeHint("class", name=ast.unparse(node))]
        return rec(node.value)
    if isinstance(node, (ast.Name, ast.Attribute)):
        text = ast.unparse(node)
        last = text.split(".")[-1]
        if last in ("Any",):
            return [TypeHint("any")]
        if last in TYPING_GENERICS:
            return [TypeHint("generic", name=TYPING_GENERICS[last], args=[])]
        r = resolve_dotted(ev.mods, module, text)
        if r is None:
            if last in BUILTIN_TYPES:
                return [TypeHint("generic", name=last, args=[])] if last in ("list", "tuple", "set", "dict") \
                    else [TypeHint("builtin", name=last)]
            return [TypeHint("class", name=last)]
        kind, mod, val = r
        if kind == "class":
            c = ClassRef(mod, val)
            if is_enum(ev.mods, c):
                return [TypeHint("enum", name=c.name, ref=c)]
            if is_dataclass(c) or any(isinstance(b, str) and b == "BaseModel" for b in class_bases(ev.mods, c)):
                return [TypeHint("dataclass", name=c.name, ref=c)]
            return [TypeHint("class", name=c.name, ref=c)]
        if kind == "assign":
            if isinstance(val, ast.Call) and ast.unparse(val.func).split(".")[-1] == "TypeAliasType" \
                    and len(val.args) > 1:
                return rec(val.args[1], mod)
            if isinstance(val, ast.Call) and ast.unparse(val.func).split(".")[-1] == "NewType" and len(val.args) > 1:
                return rec(val.args[1], mod)
            return rec(val, mod)
        return [TypeHint("class", name=last)]
    return [TypeHint("class", name=ast.unparse(node))]
