"""Tests of tools/enginefacts/entrypoints.py (entry points and the Docker ENTRYPOINT, kept only with
their evidence), of what the readers recorded in the committed facts, and of how
tools/gen_profiles.py carries them into invocation.entry_points. Run from the repository root:
    python3 -m unittest discover -s tests/tools -t .
"""
import json
import os
import shutil
import tempfile
import unittest

from tools import gen_profiles
from tools.enginefacts import entrypoints, sglang
from tools.enginefacts.provenance import SourceTree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FACTS = os.path.join(ROOT, "resources", "engines", "facts")
PROFILES = os.path.join(ROOT, "resources", "engines")


def load(directory, name):
    with open(os.path.join(directory, name), encoding="utf-8") as f:
        return json.load(f)


def by_argv(entries):
    return {" ".join(e["argv"]): e for e in entries}


# A miniature SGLang tree: the console script, `sglang serve` with the positional model and the
# --model-type selector, launch_server with its warning, and a Dockerfile without ENTRYPOINT.
SERVE_0518 = '''
def _extract_model_type_override(extra_argv):
    for arg in extra_argv:
        if arg == "--model-type":
            pass
        if arg.startswith("--model-type="):
            pass

def _normalize_positional_model_path(extra_argv):
    if extra_argv and not extra_argv[0].startswith("-"):
        return ["--model-path", extra_argv[0], *extra_argv[1:]], True
    return extra_argv, False

def _run_llm(request):
    from sglang.srt.server_args import prepare_server_args
    prepare_server_args(list(request.argv))

def _run_diffusion(request):
    from sglang.cli.utils import get_is_diffusion_model
    from sglang.multimodal_gen.runtime.entrypoints.cli.serve import execute_serve_cmd
    registry = ServeBackendRegistry({})
'''
LAUNCH_SERVER = '''
import sys
import warnings
from sglang.srt.server_args import prepare_server_args

if __name__ == "__main__":
    warnings.warn(
        "'python -m sglang.launch_server' is still supported, but "
        "'sglang serve' is the recommended entrypoint.",
        UserWarning,
    )
    server_args = prepare_server_args(sys.argv[1:])
'''
FILES = {
    "python/pyproject.toml": '[project]\nname = "sglang"\n\n[project.scripts]\nsglang = "sglang.cli.main:main"\n',
    "python/sglang/cli/main.py": 'def main():\n    subparsers.add_parser(\n        "serve",\n    )\n',
    "python/sglang/cli/serve.py": SERVE_0518,
    "python/sglang/cli/utils.py": 'raise Exception("Error: --model-path is required. ")\n',
    "python/sglang/launch_server.py": LAUNCH_SERVER,
    "docker/Dockerfile": "FROM nvidia/cuda:13 AS base\nRUN true\nFROM base AS framework_final\nCMD [\"/bin/bash\"]\n",
    ".github/workflows/release-docker.yml": "# lmsysorg/sglang:latest\n      docker_target: framework_final\n",
}


class MiniTree:
    """A throw-away copy of FILES, with some files changed or removed."""

    def __init__(self, change=None, remove=()):
        self.root = tempfile.mkdtemp()
        for path, text in FILES.items():
            if path in remove:
                continue
            text = (change or {}).get(path, text)
            os.makedirs(os.path.dirname(os.path.join(self.root, path)), exist_ok=True)
            with open(os.path.join(self.root, path), "w", encoding="utf-8") as f:
                f.write(text)

    def __enter__(self):
        return SourceTree(self.root, repository="sgl-project/sglang")

    def __exit__(self, *exc):
        shutil.rmtree(self.root)


def read(tree):
    notes = []
    facts = entrypoints.facts(tree, sglang.ENTRY_POINTS, sglang.IMAGE, notes, roots=("python",))
    return facts, notes


class SglangCandidates(unittest.TestCase):
    def test_serve_takes_a_first_positional_and_strips_model_type(self):
        with MiniTree() as tree:
            facts, _ = read(tree)
        serve = by_argv(facts["entry_points"])["sglang serve"]
        self.assertEqual(serve["model"], "first_positional")
        self.assertEqual(serve["strips"], ["--model-type"])
        self.assertIn("diffusion", serve["routes"])
        self.assertIn("python/sglang/cli/serve.py:11", serve["evidence"])

    def test_launch_server_warning_is_the_engines_own_text(self):
        with MiniTree() as tree:
            facts, _ = read(tree)
        launch = by_argv(facts["entry_points"])["python3 -m sglang.launch_server"]
        self.assertEqual(launch["model"], "flag")
        self.assertEqual(launch["deprecated"], "'python -m sglang.launch_server' is still supported, but "
                                               "'sglang serve' is the recommended entrypoint.")

    def test_entry_without_its_evidence_is_dropped_with_a_note(self):
        # no console script: `sglang serve` is not a command of this tree
        with MiniTree(remove=["python/pyproject.toml"]) as tree:
            facts, notes = read(tree)
        self.assertEqual([e["argv"] for e in facts["entry_points"]], [["python3", "-m", "sglang.launch_server"]])
        self.assertTrue(any(n.startswith("entry point 'sglang serve' dropped") for n in notes), notes)

    def test_optional_properties_fall_back_to_what_the_source_shows(self):
        # v0.5.6 shape: no positional normalisation, no --model-type, no warning
        serve_056 = 'def serve(args, extra_argv):\n    prepare_server_args(extra_argv)\n    get_is_diffusion_model(p)\n    execute_serve_cmd(a, b)\n'
        launch_056 = 'import sys\nif __name__ == "__main__":\n    server_args = prepare_server_args(sys.argv[1:])\n'
        with MiniTree(change={"python/sglang/cli/serve.py": serve_056,
                              "python/sglang/launch_server.py": launch_056}) as tree:
            facts, _ = read(tree)
        entries = by_argv(facts["entry_points"])
        self.assertEqual(entries["sglang serve"]["model"], "flag")
        self.assertNotIn("strips", entries["sglang serve"])
        self.assertNotIn("deprecated", entries["python3 -m sglang.launch_server"])

    def test_entry_without_any_model_evidence_is_dropped(self):
        with MiniTree(change={"python/sglang/cli/serve.py": "prepare_server_args\n"},
                      remove=["python/sglang/cli/utils.py"]) as tree:
            facts, notes = read(tree)
        self.assertNotIn("sglang serve", by_argv(facts["entry_points"]))
        self.assertIn("entry point 'sglang serve' dropped: no evidence for how it takes the model", notes)

    def test_image_without_entrypoint(self):
        with MiniTree() as tree:
            facts, _ = read(tree)
        self.assertEqual(facts["image"]["entrypoint"], [])
        self.assertEqual(facts["image"]["target"], "framework_final")


class Dockerfiles(unittest.TestCase):
    TEXT = ("FROM cuda AS base\nENTRYPOINT [\"/base\"]\n"
            "# a comment\nFROM base AS openai\nRUN a \\\n  && b\nENTRYPOINT [\"vllm\", \\\n \"serve\"]\n"
            "FROM openai AS nonroot\nENTRYPOINT [\"/wrap.sh\"]\n"
            "FROM openai AS child\nRUN x\n")

    def test_target_stage_entrypoint_with_continuations(self):
        self.assertEqual(entrypoints.image_entrypoint(self.TEXT, "openai"), (["vllm", "serve"], 7))

    def test_entrypoint_inherited_through_from(self):
        self.assertEqual(entrypoints.image_entrypoint(self.TEXT, "child")[0], ["vllm", "serve"])

    def test_default_is_the_last_stage_and_an_unknown_target_is_none(self):
        self.assertEqual(entrypoints.image_entrypoint("FROM cuda\nRUN x\n"), ([], None))
        self.assertIsNone(entrypoints.image_entrypoint(self.TEXT, "missing"))


class CommittedFacts(unittest.TestCase):
    """What the readers recorded from the real trees (resources/engines/facts/)."""

    def test_sglang_0518_serve(self):
        entries = by_argv(load(FACTS, "sglang-v0.5.18.json")["entry_points"])
        self.assertEqual(entries["sglang serve"]["model"], "first_positional")
        self.assertEqual(entries["sglang serve"]["strips"], ["--model-type"])
        self.assertIn("recommended entrypoint", entries["python3 -m sglang.launch_server"]["deprecated"])

    def test_sglang_056_serve_needs_the_flag(self):
        entries = by_argv(load(FACTS, "sglang-v0.5.6.json")["entry_points"])
        self.assertEqual(entries["sglang serve"]["model"], "flag")
        self.assertNotIn("deprecated", entries["python3 -m sglang.launch_server"])

    def test_vllm_images_and_api_server(self):
        old = load(FACTS, "vllm-v0.11.0.json")
        self.assertEqual(old["image"]["entrypoint"], ["python3", "-m", "vllm.entrypoints.openai.api_server"])
        new = load(FACTS, "vllm-main-2026-08-21.json")
        self.assertEqual(new["image"]["entrypoint"], ["vllm", "serve"])
        api = by_argv(new["entry_points"])["python3 -m vllm.entrypoints.openai.api_server"]
        self.assertEqual(api["model"], "flag")
        self.assertIn("deprecated", api["deprecated"])
        self.assertEqual(by_argv(new["entry_points"])["vllm serve"]["model"], "positional")


class Profiles(unittest.TestCase):
    def test_invocation_carries_entry_points_without_evidence(self):
        facts = {"version": "x", "command": ["python", "-m", "sglang.launch_server"],
                 "entry_points": [{"argv": ["python3", "-m", "sglang.launch_server"], "model": "flag",
                                   "source": "python/sglang/launch_server.py", "evidence": ["a:1"]}],
                 "image": {"repository": "r", "entrypoint": [], "source": "docker/Dockerfile", "evidence": []}}
        inv = gen_profiles.invocation(facts)
        self.assertEqual(inv["argv"], ["python3", "-m", "sglang.launch_server"])
        self.assertEqual(inv["entry_points"], [{"argv": ["python3", "-m", "sglang.launch_server"], "model": "flag",
                                                "source": "python/sglang/launch_server.py"}])
        self.assertEqual(inv["image"], {"repository": "r", "entrypoint": [], "source": "docker/Dockerfile"})

    def test_canonical_command_must_be_an_entry_point(self):
        facts = {"version": "x", "command": ["vllm", "serve"],
                 "entry_points": [{"argv": ["python3", "-m", "x"], "model": "flag", "source": "x.py"}]}
        with self.assertRaises(SystemExit):
            gen_profiles.invocation(facts)

    def test_committed_profiles_have_entry_points(self):
        for name in ("vllm-main-2026-08-21.json", "sglang-v0.5.18.json", "vllm-v0.11.0.json"):
            inv = load(PROFILES, name)["invocation"]
            self.assertIn(inv["argv"], [e["argv"] for e in inv["entry_points"]], name)
            self.assertIn("entrypoint", inv["image"], name)


if __name__ == "__main__":
    unittest.main()
