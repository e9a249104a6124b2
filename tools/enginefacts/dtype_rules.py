"""Dtype capability rules: which ``--dtype`` values an engine refuses or replaces below a GPU.

No engine states these as data: the rules are hand-written in each reader (``DTYPE_RULES``), next
to the source line they rest on, and a rule is kept only where its evidence (a fragment of the
engine's own error or log message) is found in the tree read; a dropped rule goes into the notes.

The facts key, and the profile key ``gen_profiles.py`` copies it to, is

    "dtype_min_capability": {DTYPE: {"min": SM, "behaviour": B, "message": M, "source": PATH}}

DTYPE is a value of the unified config's ``dtype`` (auto, float16, bfloat16, float32); SM the
lowest compute capability (major * 10 + minor) at which the engine runs that value as asked;
M the engine's own words (verbatim from PATH); B one of BEHAVIOURS:

- ``error``: below SM the engine stops at start-up;
- ``falls back to float16``: below SM the engine runs, in float16 instead;
- ``not listed``: the engine's documentation lists the precision from SM only (no check in the
  code read says what happens below it).
"""

BEHAVIOURS = ("error", "falls back to float16", "not listed")


def entry(sm, behaviour, message, source):
    assert behaviour in BEHAVIOURS, behaviour
    return {"min": sm, "behaviour": behaviour, "message": message, "source": source}


def dtype_min_capability(rules, find, notes):
    """``{dtype: entry}`` from hand-written rules whose evidence ``find(files, fragment)`` finds.

    A rule: ``dtype``, ``min``, ``behaviour``, ``evidence`` (the message fragment, which becomes
    the entry's message) and ``files`` (where it may be, newest location first); optional
    ``also``: further ``(fragment, files)`` the rule rests on, all of which must be found too.
    """
    out = {}
    for rule in rules:
        needed = [(rule["evidence"], rule["files"])] + list(rule.get("also", ()))
        found = [find(files, fragment) for fragment, files in needed]
        missing = [(fragment, files) for (fragment, files), f in zip(needed, found) if f is None]
        if missing:
            notes.append(f"dtype rule {rule['dtype']} (min {rule['min']}, {rule['behaviour']}) dropped: "
                         + "; ".join(f"{fragment!r} not found in {', '.join(files)}" for fragment, files in missing))
            continue
        out[rule["dtype"]] = entry(rule["min"], rule["behaviour"], rule["evidence"],
                                   " + ".join(dict.fromkeys(found)))
    return out
