"""Entry points: the commands that start an engine's server, and its Docker image's ENTRYPOINT.

Shared by the vLLM and SGLang readers. Which commands exist, how each takes the model and what it
does before the engine's parser sees the arguments is stated by no source as data, so each reader
writes its candidates by hand (``ENTRY_POINTS`` in vllm.py / sglang.py); an entry is kept only when
every piece of its evidence is found in the tree at the version read, and each of its optional
properties (``model``, ``strips``, ``routes``, ``deprecated``) takes the first alternative whose
evidence is found. A check is a tuple:

  ("script", FILE, NAME, TARGET)  FILE (pyproject.toml) declares the console script NAME = "TARGET"
  ("main", FILE)                  FILE has an ``if __name__ == "__main__":`` block (python -m works)
  ("main_calls", FILE, NAME)      that block calls NAME, directly or in a function it calls that is
                                  defined in FILE or imported from the tree (one hop)
  ("main_lacks", FILE, TEXT)      neither that block nor such a function mentions TEXT
  ("has", FILE, TEXT)             TEXT is in FILE's text or in one of its string constants
  ("stage", FILE, NAME)           the Dockerfile FILE has a stage ``FROM … AS NAME``
  ("warns", FILE, TEXT)           the ``__main__`` block of FILE warns with a message containing
                                  TEXT: the value is the whole message, as the engine prints it

Each kept entry records where its evidence is (``path:line``). The image's entrypoint is read from
the Dockerfile: the last ENTRYPOINT of the published stage or of the stages it is built FROM.
"""
import ast
import json
import re

MAIN_TEST = "__name__ == '__main__'"


def _parse(tree, path):
    if not tree.exists(path):
        return None, None
    text = tree.text(path)
    try:
        return text, ast.parse(text)
    except SyntaxError:
        return text, None


def _line_of(text, fragment):
    i = text.find(fragment)
    return text.count("\n", 0, i) + 1 if i >= 0 else None


def _string_value(node):
    """The text of a str constant, or of an f-string with its fields as {…}."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(v.value if isinstance(v, ast.Constant) else "{" + ast.unparse(v.value) + "}"
                       for v in node.values)
    return None


def main_guard(module):
    """The top-level ``if __name__ == "__main__":`` statement of a parsed module, or None."""
    for node in (module.body if module is not None else []):
        if isinstance(node, ast.If) and ast.unparse(node.test).replace('"', "'") == MAIN_TEST:
            return node
    return None


def _module_path(name, roots):
    """Where module ``name`` may be: FILE.py or FILE/__init__.py below each of ``roots``."""
    base = name.replace(".", "/")
    return [f"{r}/{base}{tail}" if r else f"{base}{tail}" for r in roots for tail in (".py", "/__init__.py")]


def main_code(tree, path, roots=("",)):
    """[(path, line, source)] of the ``__main__`` block of ``path`` and of the functions it calls
    that are defined in ``path`` or imported from the tree (one hop); [] without such a block."""
    _, module = _parse(tree, path)
    guard = main_guard(module)
    if guard is None:
        return []
    out = [(path, guard.lineno, "\n".join(ast.unparse(s) for s in guard.body))]
    called = {ast.unparse(n.func) for s in guard.body for n in ast.walk(s) if isinstance(n, ast.Call)}
    imports = [n for s in guard.body for n in ast.walk(s) if isinstance(n, ast.ImportFrom)]
    imports += [n for n in module.body if isinstance(n, ast.ImportFrom)]
    for fn in module.body:  # functions of the same module that the block calls
        if isinstance(fn, ast.FunctionDef) and fn.name in called:
            out.append((path, fn.lineno, ast.unparse(fn)))
    for imp in imports:
        for alias in imp.names:
            if (alias.asname or alias.name) not in called or not imp.module or imp.level:
                continue
            for candidate in _module_path(imp.module, roots):
                _, target = _parse(tree, candidate)
                fn = next((n for n in (target.body if target else []) if isinstance(n, ast.FunctionDef)
                           and n.name == alias.name), None)
                if fn is not None:
                    out.append((candidate, fn.lineno, ast.unparse(fn)))
                    break
    return out


def console_scripts(text):
    """{name: target} of the ``[project.scripts]`` table of a pyproject.toml, with the line of each."""
    out, section = {}, None
    for i, line in enumerate(text.splitlines(), 1):
        s = line.strip()
        if s.startswith("["):
            section = s
            continue
        m = re.match(r'^([A-Za-z0-9_.-]+)\s*=\s*"([^"]+)"', s)
        if section == "[project.scripts]" and m:
            out[m.group(1)] = (m.group(2), i)
    return out


def dockerfile_instructions(text):
    """[(line, INSTRUCTION, arguments)] of a Dockerfile: continuations joined, comments dropped."""
    out, buf, start = [], "", None
    for i, line in enumerate(text.splitlines(), 1):
        if not buf and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if buf and line.lstrip().startswith("#"):
            continue
        start = start or i
        if line.rstrip().endswith("\\"):
            buf += line.rstrip()[:-1] + " "
            continue
        buf += line
        word, _, rest = buf.strip().partition(" ")
        out.append((start, word.upper(), rest.strip()))
        buf, start = "", None
    return out


def dockerfile_stages(text):
    """{stage name: (line, parent image or stage, [(line, ENTRYPOINT argv)])}, in file order."""
    stages, current = {}, None
    for line, word, rest in dockerfile_instructions(text):
        if word == "FROM":
            parts = [p for p in rest.split() if not p.startswith("--")]
            name = parts[2] if len(parts) >= 3 and parts[1].upper() == "AS" else f"#{len(stages)}"
            current = stages[name] = (line, parts[0] if parts else "", [])
        elif word == "ENTRYPOINT" and current is not None:
            try:
                argv = json.loads(rest)
            except ValueError:
                argv = ["/bin/sh", "-c", rest]
            current[2].append((line, argv))
    return stages


def image_entrypoint(text, target=None):
    """(argv, line) of the ENTRYPOINT in effect for stage ``target`` (the last stage when None),
    following FROM through the file's own stages; ([], None) when none of them sets one (the base
    image's own entrypoint then runs the command given after the image); None if no such stage."""
    stages = dockerfile_stages(text)
    if not stages:
        return None
    name = target if target is not None else list(stages)[-1]
    seen = set()
    while name in stages and name not in seen:
        seen.add(name)
        _, parent, entrypoints = stages[name]
        if entrypoints:
            line, argv = entrypoints[-1]
            return argv, line
        name = parent
    return ([], None) if (target is None or target in stages) else None


def _has(tree, path, fragment):
    if not tree.exists(path):
        return None
    text = tree.text(path)
    line = _line_of(text, fragment)
    if line is not None:
        return line
    try:
        module = ast.parse(text)
    except SyntaxError:
        return None
    for node in ast.walk(module):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and fragment in node.value:
            return node.lineno
    return None


def _warning_in_main(tree, path, fragment, roots):
    _, module = _parse(tree, path)
    guard = main_guard(module)
    for node in (n for s in (guard.body if guard else []) for n in ast.walk(s)):
        if isinstance(node, ast.Call) and node.args and ast.unparse(node.func).split(".")[-1] in ("warn", "warning"):
            message = _string_value(node.args[0])
            if message and fragment in message:
                return node.lineno, message
    return None


def check(tree, item, roots=("",)):
    """Where ``item`` (a check tuple, see the module doc) is found: (evidence string, value), or
    None when it is not."""
    kind, path = item[0], item[1]
    if kind == "script":
        if not tree.exists(path):
            return None
        found = console_scripts(tree.text(path)).get(item[2])
        return (f"{path}:{found[1]}", None) if found and found[0] == item[3] else None
    if kind == "main":
        code = main_code(tree, path, roots)
        return (f"{path}:{code[0][1]}", None) if code else None
    if kind in ("main_calls", "main_lacks"):
        code = main_code(tree, path, roots)
        if not code:
            return None
        if kind == "main_lacks":
            return None if any(item[2] in src for _, _, src in code) else (f"{path}:{code[0][1]}", None)
        for where, line, src in code:
            if any(isinstance(n, ast.Call) and ast.unparse(n.func).split(".")[-1] == item[2]
                   for n in ast.walk(ast.parse(src))):
                return f"{where}:{line}", None
        return None
    if kind == "has":
        line = _has(tree, path, item[2])
        return (f"{path}:{line}", None) if line is not None else None
    if kind == "stage":
        if not tree.exists(path):
            return None
        stage = dockerfile_stages(tree.text(path)).get(item[2])
        return (f"{path}:{stage[0]}", None) if stage else None
    if kind == "warns":
        found = _warning_in_main(tree, path, item[2], roots)
        return (f"{path}:{found[0]}", found[1]) if found else None
    raise ValueError(f"unknown evidence kind {kind!r}")


def _all(tree, checks, roots):
    """(evidence strings, last value) when every check holds, else (None, the first that fails)."""
    evidence, value = [], None
    for item in checks:
        found = check(tree, item, roots)
        if found is None:
            return None, item
        evidence.append(found[0])
        if found[1] is not None:
            value = found[1]
    return evidence, value


def _describe(item):
    return " ".join(str(p) for p in item)


OPTIONAL = ("model", "strips", "routes", "deprecated")


def entry_points(tree, candidates, notes, roots=("",)):
    """The candidates whose evidence is in ``tree``, as facts entries (see the module doc)."""
    out = []
    for cand in candidates:
        label = " ".join(cand["argv"])
        evidence, failed = _all(tree, cand["evidence"], roots)
        if evidence is None:
            notes.append(f"entry point {label!r} dropped: not found: {_describe(failed)}")
            continue
        entry = {"argv": list(cand["argv"])}
        for key in OPTIONAL:
            for value, checks in cand.get(key, ()):
                ev, got = _all(tree, checks, roots)
                if ev is not None:
                    entry[key] = got if value is None else value
                    evidence += [e for e in ev if e not in evidence]
                    break
        if "model" not in entry:
            notes.append(f"entry point {label!r} dropped: no evidence for how it takes the model")
            continue
        entry["source"] = cand["source"]
        entry["evidence"] = evidence
        out.append(entry)
    return out


def image(tree, spec, notes):
    """The Docker image block: {"repository", "entrypoint", "source", "evidence"}, or None."""
    evidence, failed = _all(tree, spec["evidence"], ("",))
    if evidence is None:
        notes.append(f"image {spec['repository']} dropped: not found: {_describe(failed)}")
        return None
    path = spec["dockerfile"]
    # The stage that is published: the first alternative whose evidence is found; None (or no
    # alternative found) is Docker's default, the last stage.
    target = None
    for value, checks in spec.get("target", ()):
        ev, _ = _all(tree, checks, ("",))
        if ev is not None:
            target = value
            evidence += [e for e in ev if e not in evidence]
            break
    found = image_entrypoint(tree.text(path), target) if tree.exists(path) else None
    if found is None:
        notes.append(f"image {spec['repository']} dropped: no stage {target} in {path}")
        return None
    argv, line = found
    block = {"repository": spec["repository"], "entrypoint": argv, "source": path}
    if target:
        block["target"] = target
    block["evidence"] = ([f"{path}:{line}"] if line else []) + evidence
    if not argv:
        block["note"] = (f"{path} sets no ENTRYPOINT for the published stage: the words after the image "
                         "in docker run are the whole command")
    return block


def facts(tree, candidates, image_spec, notes, roots=("",)):
    """The "entry_points" and "image" keys of a facts file."""
    out = {"entry_points": entry_points(tree, candidates, notes, roots)}
    img = image(tree, image_spec, notes)
    if img is not None:
        out["image"] = img
    return out
