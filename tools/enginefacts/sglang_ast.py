"""Static evaluation of Python source for the engine-facts extractors (stdlib ``ast`` only).

Nothing here imports or runs engine code. A ``Program`` loads modules of a source tree by dotted
name (through ``provenance.SourceTree``, so every file read is hashed), and ``Module.value(name)``
gives the value a module-level name has after the module body ran *unconditionally*: literals,
other module constants, imports, class constants (plain classes and enums), ``+`` of sequences,
``list()/tuple()/set()/sorted()``, dict ``keys()/values()``, comprehensions over such values, and
module-level ``.append/.extend/.add/.update/+=`` on a list (also through an alias such as
``add_x = LIST.extend``). Mutations under an ``if`` are not applied; they are reported in
``Module.conditional_extensions`` so the caller can note them. Anything else raises
``Unresolvable`` carrying the source text of the expression.
"""
import ast

BUILTIN_ENUM_BASES = {"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"}


class Unresolvable(Exception):
    """An expression whose value cannot be known without running code."""

    def __init__(self, expr):
        super().__init__(expr)
        self.expr = expr


class SetValue(list):
    """A Python set: kept in insertion order, but its order is not meaningful."""


class ClassValue:
    def __init__(self, name, module, node):
        self.name, self.module, self.node = name, module, node
        self.attrs = {}
        self.bases = []
        self.is_enum = False
        self.members = []  # enum members in definition order

    def __repr__(self):
        return f"<class {self.name}>"


class MemberValue:
    """An enum member: ``.name`` and ``.value``."""

    def __init__(self, name, value):
        self.name, self.value = name, value


class FunctionValue:
    def __init__(self, name, module, node, owner=None):
        self.name, self.module, self.node, self.owner = name, module, node, owner


class BoundMethod:
    """``LIST.extend`` and friends taken as a value (``add_x = LIST.extend``)."""

    def __init__(self, target_name, method):
        self.target_name, self.method = target_name, method


class ImportRef:
    def __init__(self, module, attr):
        self.module, self.attr = module, attr


def src(node):
    return ast.unparse(node)


def _is_conditional_test(node):
    return isinstance(node, ast.If)


class Module:
    def __init__(self, program, name, path, tree):
        self.program, self.name, self.path, self.tree = program, name, path, tree
        self.scope = {}
        self.conditional_extensions = {}  # list name -> [source of the added values]
        self._ran = False

    # -- running the module body (statically) -------------------------------------------------
    def run(self):
        if self._ran:
            return
        self._ran = True
        self._run_body(self.tree.body, conditional=False)

    def _run_body(self, body, conditional):
        for st in body:
            if isinstance(st, (ast.Import, ast.ImportFrom)):
                self._import(st)
            elif isinstance(st, ast.ClassDef):
                self.scope[st.name] = self.program.make_class(self, st)
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.scope[st.name] = FunctionValue(st.name, self, st)
            elif isinstance(st, ast.If):
                # Names bound only under a condition still exist on some platforms: bind them if
                # unbound; mutations of existing lists are recorded, not applied.
                self._run_conditional(st.body)
                self._run_conditional(st.orelse)
            elif isinstance(st, ast.Try):
                self._run_body(st.body, conditional)
                for h in st.handlers:
                    self._run_conditional(h.body)
            elif conditional:
                self._conditional_statement(st)
            else:
                self._statement(st)

    def _run_conditional(self, body):
        for st in body:
            if isinstance(st, (ast.Import, ast.ImportFrom)):
                self._import(st, only_unbound=True)
            elif isinstance(st, ast.ClassDef):
                self.scope.setdefault(st.name, self.program.make_class(self, st))
            elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.scope.setdefault(st.name, FunctionValue(st.name, self, st))
            elif isinstance(st, (ast.If, ast.Try)):
                self._run_conditional(getattr(st, "body", []))
                self._run_conditional(getattr(st, "orelse", []))
            else:
                self._conditional_statement(st)

    def _conditional_statement(self, st):
        target, added = self._mutation(st)
        if target is not None:
            self.conditional_extensions.setdefault(target, []).extend(added)
            return
        if isinstance(st, ast.Assign) and len(st.targets) == 1 and isinstance(st.targets[0], ast.Name):
            if st.targets[0].id not in self.scope:
                self.scope[st.targets[0].id] = _Lazy(st.value)

    def _mutation(self, st):
        """(list name, [source of added values]) when ``st`` mutates a module-level list."""
        if isinstance(st, ast.AugAssign) and isinstance(st.target, ast.Name) and isinstance(st.op, ast.Add):
            return st.target.id, [src(st.value)]
        if isinstance(st, ast.Expr) and isinstance(st.value, ast.Call):
            f = st.value.func
            if isinstance(f, ast.Attribute) and isinstance(f.value, ast.Name) and \
                    f.attr in ("append", "extend", "add", "update", "insert"):
                return f.value.id, [src(a) for a in st.value.args]
            if isinstance(f, ast.Name) and isinstance(self.scope.get(f.id), BoundMethod):
                return self.scope[f.id].target_name, [src(a) for a in st.value.args]
        return None, None

    def _statement(self, st):
        target, _ = self._mutation(st)
        if target is not None:
            self._apply_mutation(st, target)
            return
        if isinstance(st, ast.Assign):
            v = st.value
            for t in st.targets:
                if not isinstance(t, ast.Name):
                    continue
                if isinstance(v, ast.Attribute) and isinstance(v.value, ast.Name) and \
                        v.attr in ("append", "extend", "add", "update", "insert"):
                    self.scope[t.id] = BoundMethod(v.value.id, v.attr)  # add_x = LIST.extend
                elif any(isinstance(n, ast.Name) and n.id == t.id for n in ast.walk(v)):
                    # X = X | {...}: needs the value X has *here*, so evaluate now.
                    try:
                        self.scope[t.id] = _Known(self.eval(v))
                    except Unresolvable as e:
                        self.scope[t.id] = _Failed(e.expr)
                else:
                    self.scope[t.id] = _Lazy(v)
        elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value is not None:
            self.scope[st.target.id] = _Lazy(st.value)

    def _apply_mutation(self, st, target):
        try:
            cur = self.value(target)
            if isinstance(st, ast.AugAssign):
                new = self.eval(st.value)
                self.scope[target] = _Known(list(cur) + list(new))
                return
            call = st.value
            f = call.func
            method = f.attr if isinstance(f, ast.Attribute) else self.scope[f.id].method
            args = [self.eval(a) for a in call.args]
            cur = SetValue(cur) if isinstance(cur, SetValue) else (
                dict(cur) if isinstance(cur, dict) else list(cur))
            if method == "append" or method == "add":
                if args[0] not in cur:
                    cur.append(args[0])
                elif method == "append":
                    cur.append(args[0])
            elif method == "extend":
                cur.extend(args[0])
            elif method == "update" and isinstance(cur, dict):
                cur.update(args[0])
            elif method == "update":
                cur.extend(a for a in args[0] if a not in cur)
            elif method == "insert":
                cur.insert(args[0], args[1])
            self.scope[target] = _Known(cur)
        except (Unresolvable, KeyError, IndexError, TypeError):
            self.scope[target] = _Failed(src(st))

    def _import(self, st, only_unbound=False):
        for alias in st.names:
            if isinstance(st, ast.Import):
                bound = alias.asname or alias.name.split(".")[0]
                ref = ImportRef(alias.name if alias.asname else alias.name.split(".")[0], None)
            else:
                base = self._resolve_from(st)
                bound = alias.asname or alias.name
                ref = ImportRef(base, alias.name)
            if only_unbound and bound in self.scope:
                continue
            self.scope[bound] = ref

    def _resolve_from(self, st):
        if not st.level:
            return st.module
        parts = self.name.split(".")
        is_pkg = self.path.endswith("__init__.py")
        base = parts if is_pkg else parts[:-1]
        if st.level > 1:
            base = base[: len(base) - (st.level - 1)]
        return ".".join(base + ([st.module] if st.module else []))

    # -- values ---------------------------------------------------------------------------------
    def value(self, name):
        self.run()
        if name not in self.scope:
            import builtins
            if hasattr(builtins, name):
                return _BUILTIN
            raise Unresolvable(name)
        v = self.scope[name]
        if isinstance(v, _Lazy):
            self.scope[name] = _Failed(src(v.node))  # guards against cycles
            try:
                val = self.eval(v.node)
            except Unresolvable:
                raise
            if isinstance(val, BoundMethod):
                self.scope[name] = val
                return val
            self.scope[name] = _Known(val)
            return val
        if isinstance(v, _Known):
            return v.value
        if isinstance(v, _Failed):
            raise Unresolvable(v.expr)
        if isinstance(v, ImportRef):
            return self.program.resolve_import(v)
        return v

    def eval(self, node, local=None):
        return Evaluator(self, local or {}).eval(node)


class _Lazy:
    def __init__(self, node):
        self.node = node


class _Known:
    def __init__(self, value):
        self.value = value


class _Failed:
    def __init__(self, expr):
        self.expr = expr


_BUILTIN = object()


class ModuleObject:
    """An imported module used as a value (``import x.y as z``)."""

    def __init__(self, module):
        self.module = module


class Evaluator:
    def __init__(self, module, local):
        self.module, self.local = module, local

    def name(self, n):
        if n in self.local:
            v = self.local[n]
            if isinstance(v, _Unknown):
                raise Unresolvable(n)
            return v
        return self.module.value(n)

    def eval(self, node):
        m = getattr(self, "e_" + type(node).__name__, None)
        if m is None:
            raise Unresolvable(src(node))
        return m(node)

    def e_Constant(self, n):
        return n.value

    def e_Name(self, n):
        v = self.name(n.id)
        if v is _BUILTIN:
            return _Builtin(n.id)
        return v

    def e_List(self, n):
        out = []
        for e in n.elts:
            if isinstance(e, ast.Starred):
                out.extend(self.eval(e.value))
            else:
                out.append(self.eval(e))
        return out

    def e_Tuple(self, n):
        return tuple(self.e_List(n))

    def e_Set(self, n):
        out = SetValue()
        for v in self.e_List(n):
            if v not in out:
                out.append(v)
        return out

    def e_Dict(self, n):
        out = {}
        for k, v in zip(n.keys, n.values):
            if k is None:
                out.update(self.eval(v))
                continue
            try:
                val = self.eval(v)
            except Unresolvable as e:
                val = _Unknown(e.expr)
            out[self.eval(k)] = val
        return out

    def e_BinOp(self, n):
        a, b = self.eval(n.left), self.eval(n.right)
        if isinstance(n.op, ast.Add):
            if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
                return type(a)(list(a) + list(b)) if isinstance(a, tuple) else list(a) + list(b)
            if isinstance(a, (int, float, str)) and type(a) is type(b):
                return a + b
        if isinstance(n.op, ast.BitOr) and isinstance(a, list) and isinstance(b, list):
            out = SetValue(a)
            out.extend(x for x in b if x not in out)
            return out
        if isinstance(n.op, (ast.Mult, ast.Sub)) and isinstance(a, int) and isinstance(b, int):
            return a * b if isinstance(n.op, ast.Mult) else a - b
        raise Unresolvable(src(n))

    def e_UnaryOp(self, n):
        v = self.eval(n.operand)
        if isinstance(n.op, ast.USub) and isinstance(v, (int, float)):
            return -v
        raise Unresolvable(src(n))

    def e_Attribute(self, n):
        base = self.eval(n.value)
        return attribute(self.module.program, base, n.attr, n)

    def e_Subscript(self, n):
        base = self.eval(n.value)
        key = self.eval(n.slice)
        try:
            return base[key]
        except (TypeError, KeyError, IndexError):
            raise Unresolvable(src(n))

    def e_Call(self, n):
        f = self.eval(n.func)
        args = []
        for a in n.args:
            if isinstance(a, ast.Starred):
                args.extend(self.eval(a.value))
            else:
                args.append(self.eval(a))
        kwargs = {k.arg: self.eval(k.value) for k in n.keywords if k.arg}
        if isinstance(f, _Builtin):
            return f.call(args, kwargs, n)
        if isinstance(f, _Method):
            return f.call(args, n)
        raise Unresolvable(src(n))

    def _comprehension(self, n, make):
        if len(n.generators) != 1:
            raise Unresolvable(src(n))
        g = n.generators[0]
        out = []
        for item in iterate(self.eval(g.iter), g.iter):
            local = dict(self.local)
            bind(g.target, item, local)
            sub = Evaluator(self.module, local)
            if all(sub.eval(c) for c in g.ifs):
                out.append(make(sub))
        return out

    def e_ListComp(self, n):
        return self._comprehension(n, lambda s: s.eval(n.elt))

    def e_GeneratorExp(self, n):
        return self.e_ListComp(n)

    def e_SetComp(self, n):
        out = SetValue()
        for v in self.e_ListComp(n):
            if v not in out:
                out.append(v)
        return out

    def e_DictComp(self, n):
        return dict(self._comprehension(n, lambda s: (s.eval(n.key), s.eval(n.value))))

    def e_Compare(self, n):
        if len(n.ops) != 1:
            raise Unresolvable(src(n))
        a, b = self.eval(n.left), self.eval(n.comparators[0])
        op = n.ops[0]
        if isinstance(op, ast.Eq):
            return a == b
        if isinstance(op, ast.NotEq):
            return a != b
        if isinstance(op, ast.In):
            return a in b
        if isinstance(op, ast.NotIn):
            return a not in b
        raise Unresolvable(src(n))


class _Unknown:
    def __init__(self, expr):
        self.expr = expr


def bind(target, value, local):
    if isinstance(target, ast.Name):
        local[target.id] = value
    elif isinstance(target, ast.Tuple):
        for t, v in zip(target.elts, value):
            bind(t, v, local)
    else:
        raise Unresolvable(src(target))


def iterate(value, node):
    if isinstance(value, ClassValue) and value.is_enum:
        return list(value.members)
    if isinstance(value, dict):
        return list(value.keys())
    if isinstance(value, (list, tuple, str)):
        return list(value)
    raise Unresolvable(src(node))


class _Builtin:
    def __init__(self, name):
        self.name = name

    def call(self, args, kwargs, node):
        n = self.name
        if n in ("list", "tuple", "set", "frozenset", "sorted") and len(args) <= 1:
            items = iterate(args[0], node) if args else []
            if n == "sorted":
                return sorted(items, reverse=bool(kwargs.get("reverse")))
            if n in ("set", "frozenset"):
                out = SetValue()
                out.extend(x for x in items if x not in out)
                return out
            return tuple(items) if n == "tuple" else list(items)
        if n == "dict" and not args:
            return dict(kwargs)
        if n == "str" and len(args) == 1 and isinstance(args[0], (str, int, float)):
            return str(args[0])
        raise Unresolvable(src(node))


class _Method:
    def __init__(self, obj, name):
        self.obj, self.name = obj, name

    def call(self, args, node):
        o, n = self.obj, self.name
        if isinstance(o, dict) and n in ("keys", "values", "items") and not args:
            vals = list(getattr(o, n)())
            if n != "keys" and any(isinstance(v, _Unknown) for v in (o.values())):
                raise Unresolvable(src(node))
            return vals
        if isinstance(o, str) and n in ("lower", "upper", "strip", "replace", "format", "join"):
            return getattr(o, n)(*args)
        if isinstance(o, dict) and n == "get":
            return o.get(*args)
        raise Unresolvable(src(node))


def attribute(program, base, attr, node):
    if isinstance(base, ModuleObject):
        return base.module.value(attr)
    if isinstance(base, ClassValue):
        v = program.class_attr(base, attr)
        if v is not None:
            return v
        raise Unresolvable(src(node))
    if isinstance(base, MemberValue):
        if attr == "name":
            return base.name
        if attr == "value":
            if isinstance(base.value, _Unknown):
                raise Unresolvable(src(node))
            return base.value
    if isinstance(base, (dict, str, list)):
        return _Method(base, attr)
    raise Unresolvable(src(node))


class Program:
    """The modules of one source tree, loaded on demand by dotted name."""

    def __init__(self, tree, roots=("python",)):
        self.tree = tree
        self.roots = roots
        self.modules = {}

    def module_path(self, name):
        rel = name.replace(".", "/")
        for root in self.roots:
            for cand in (f"{root}/{rel}.py", f"{root}/{rel}/__init__.py"):
                if self.tree.exists(cand):
                    return cand
        return None

    def load(self, name):
        if name in self.modules:
            return self.modules[name]
        path = self.module_path(name)
        mod = None
        if path is not None:
            mod = Module(self, name, path, ast.parse(self.tree.text(path), path))
        self.modules[name] = mod
        return mod

    def load_path(self, path, name):
        """Load a file as module ``name`` (for paths that are not importable by name)."""
        if name not in self.modules or self.modules[name] is None:
            self.modules[name] = Module(self, name, path, ast.parse(self.tree.text(path), path))
        return self.modules[name]

    def resolve_import(self, ref):
        if ref.attr is None:
            mod = self.load(ref.module)
            if mod is None:
                raise Unresolvable(ref.module)
            return ModuleObject(mod)
        mod = self.load(ref.module)
        if mod is not None:
            mod.run()
            if ref.attr in mod.scope:
                return mod.value(ref.attr)
        sub = self.load(ref.module + "." + ref.attr)
        if sub is not None:
            return ModuleObject(sub)
        raise Unresolvable(f"{ref.module}.{ref.attr}")

    def make_class(self, module, node):
        return _LazyClass(module, node)

    def realize(self, v):
        return v

    def class_attr(self, cls, attr):
        seen = set()
        stack = [cls]
        while stack:
            c = stack.pop(0)
            if id(c) in seen:
                continue
            seen.add(id(c))
            if attr in c.attrs:
                v = c.attrs[attr]
                if isinstance(v, _Unknown):
                    raise Unresolvable(v.expr)
                return v
            stack.extend(c.bases)
        return None


def _LazyClass(module, node):
    """Build a ``ClassValue``: evaluate the class body's constant assignments in order."""
    cls = ClassValue(node.name, module, node)
    base_names = []
    for b in node.bases:
        base_names.append(b.attr if isinstance(b, ast.Attribute) else getattr(b, "id", ""))
        try:
            bv = module.eval(b)
            if isinstance(bv, ClassValue):
                cls.bases.append(bv)
                cls.is_enum = cls.is_enum or bv.is_enum
        except Unresolvable:
            pass
    if BUILTIN_ENUM_BASES & set(base_names):
        cls.is_enum = True
    local = {}
    for st in node.body:
        targets, value = [], None
        if isinstance(st, ast.Assign):
            targets, value = [t for t in st.targets if isinstance(t, ast.Name)], st.value
        elif isinstance(st, ast.AnnAssign) and isinstance(st.target, ast.Name) and st.value is not None:
            targets, value = [st.target], st.value
        elif isinstance(st, (ast.FunctionDef, ast.AsyncFunctionDef)):
            cls.attrs[st.name] = FunctionValue(st.name, module, st, owner=cls)
            continue
        if not targets:
            continue
        try:
            v = Evaluator(module, local).eval(value)
        except Unresolvable as e:
            v = _Unknown(e.expr)
        for t in targets:
            if cls.is_enum and not t.id.startswith("_"):
                member = MemberValue(t.id, v)
                cls.members.append(member)
                cls.attrs[t.id] = member
                local[t.id] = v
            else:
                cls.attrs[t.id] = v
                local[t.id] = v
    return cls
