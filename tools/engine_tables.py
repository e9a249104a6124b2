#!/usr/bin/env python3
"""Writes the per-version tables of docs/engines.md from the engine profiles (resources/engines/).

The tables stand between marker lines in the document:
    <!-- BEGIN engine-table NAME -->  ...  <!-- END engine-table NAME -->
NAME is "methods" (unified quantization method -> each profile's value), "kv_cache" or "serving"
(serving.* field -> each profile's option). Profiles of one engine whose column would be identical
share one column.

Usage: tools/engine_tables.py [DOC]          rewrite the tables in DOC (default docs/engines.md)
       tools/engine_tables.py --check [DOC]  exit 1 when a table in DOC is not what the profiles say
"""
import argparse
import glob
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOC = os.path.join(ROOT, "docs", "engines.md")


def profiles():
    out = []
    for path in sorted(glob.glob(os.path.join(ROOT, "resources", "engines", "*.json"))):
        with open(path, encoding="utf-8") as f:
            out.append(json.load(f))
    # Engine order, then the default, then newest first (as quantcfg lists them).
    out.sort(key=lambda p: (p["order"], not p["default"], [-ord(c) for c in p["source_date"]], p["version"]))
    return out


def reason(text):
    return text.split(";")[0].strip()


def cell(entry, kind):
    if entry is None:
        return "—"
    warn = " ⚠" if entry.get("warn") else ""
    if "unsupported" in entry:
        return "✗ " + reason(entry["unsupported"])
    if entry.get("omit"):
        return "(no flag)" + warn
    if "checkpoint" in entry:
        return f"checkpoint `{entry['checkpoint']}`" + warn
    if "flag" in entry:
        return f"`{entry['flag']}`" + warn
    text = f"`{entry['value']}`"
    if kind == "kv_cache" and entry.get("format"):
        text += f" ({entry['format']})"
    return text + warn


def table(kind):
    section = {"methods": "methods", "kv_cache": "kv_cache", "serving": "serving"}[kind]
    columns = []  # [(header, [profile]), ...] with identical columns of one engine merged
    cells = {}
    rows = []
    for p in profiles():
        m = p["mapping"][section]
        for key in m:
            if key not in rows:
                rows.append(key)
    for p in profiles():
        m = p["mapping"][section]
        col = [cell(m.get(key), kind) for key in rows]
        for i, (engine, names, other) in enumerate(columns):
            if engine == p["engine"] and other == col:
                names.append(p["version"] + (" (default)" if p["default"] else ""))
                break
        else:
            columns.append((p["engine"], [p["version"] + (" (default)" if p["default"] else "")], col))
        cells[p["engine"]] = p["display_name"]
    head = "| unified " + {"methods": "method", "kv_cache": "kv_cache.dtype", "serving": "serving"}[kind] + " | " + \
        " | ".join(f"{cells[e]} {', '.join(names)}" for e, names, _ in columns) + " |"
    lines = [head, "|---" * (len(columns) + 1) + "|"]
    for i, key in enumerate(rows):
        lines.append(f"| `{key}` | " + " | ".join(col[i] for _, _, col in columns) + " |")
    return "\n".join(lines)


def rewrite(text):
    def replace(match):
        return f"{match.group(1)}\n{table(match.group(2))}\n{match.group(3)}"
    pattern = re.compile(r"(<!-- BEGIN engine-table (\w+) -->)\n.*?\n(<!-- END engine-table \2 -->)", re.S)
    return pattern.sub(replace, text)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--check", action="store_true")
    ap.add_argument("doc", nargs="?", default=DOC)
    args = ap.parse_args()
    with open(args.doc, encoding="utf-8") as f:
        text = f.read()
    new = rewrite(text)
    if "BEGIN engine-table" not in text:
        sys.exit(f"{args.doc}: no '<!-- BEGIN engine-table NAME -->' markers")
    if args.check:
        if new != text:
            print(f"{args.doc}: the engine tables are not what resources/engines/ says; run tools/engine_tables.py")
            return 1
        print(f"{args.doc}: engine tables match the profiles")
        return 0
    with open(args.doc, "w", encoding="utf-8") as f:
        f.write(new)
    return 0


if __name__ == "__main__":
    sys.exit(main())
