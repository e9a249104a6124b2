"""Tests of the SGLang facts extractor (tools/enginefacts/sglang.py) on miniature fixture trees.

Each fixture under tests/tools/fixtures/sglang/ reproduces one layout trap of SGLang's
server_args.py in a few lines written for these tests. Run from the repository root:
    python3 -m unittest discover -s tests/tools -t .
"""
import io
import json
import os
import shutil
import subprocess
import tempfile
import unittest
from contextlib import redirect_stdout

from tools.enginefacts import sglang
from tools.enginefacts.provenance import SourceTree

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
FIXTURES = os.path.join(ROOT, "tests", "tools", "fixtures", "sglang")
SPLIT = os.path.join(FIXTURES, "split")
CLASSIC = os.path.join(FIXTURES, "classic")

SM80_MESSAGE = "Compute capability below sm80. Use float16 due to lack of bfloat16 support."
LOAD_UTILS = "python/sglang/srt/model_executor/model_runner_components/load_model_utils.py"
MODEL_RUNNER = "python/sglang/srt/model_executor/model_runner.py"


def fallback(source):
    return {"min": 80, "behaviour": "falls back to float16", "message": SM80_MESSAGE, "source": source}


def extract(root):
    return sglang.extract(SourceTree(root, repository="sgl-project/sglang"))


def run_main(argv):
    with redirect_stdout(io.StringIO()):
        sglang.main(argv)


class SplitLayout(unittest.TestCase):
    """The dataclass layout: A[T, Arg(...)] fields, flags in arg_groups/*.py."""

    @classmethod
    def setUpClass(cls):
        cls.facts = extract(SPLIT)
        cls.flags = cls.facts["flags"]

    def test_class_constant_choices_are_resolved(self):
        # choices=Mode.ALL, a tuple of other class constants in another module
        self.assertEqual(self.flags["--graph-mode"]["choices"], ["full", "off"])

    def test_unresolvable_choices_go_to_choices_dynamic(self):
        # choices=Phase.names is computed by a call: never a list of single characters
        f = self.flags["--phase"]
        self.assertNotIn("choices", f)
        self.assertEqual(f["choices_dynamic"], "Phase.names")
        for name, flag in self.flags.items():
            choices = flag.get("choices") or []
            self.assertFalse(choices and all(isinstance(c, str) and len(c) == 1 for c in choices), name)

    def test_enum_comprehension_choices(self):
        self.assertEqual(self.flags["--hash-mode"]["choices"], ["none", "partial"])

    def test_literal_choices(self):
        self.assertEqual(self.flags["--layout"]["choices"], ["paged", "flat"])
        self.assertEqual(self.flags["--layout"]["type"], "str")

    def test_choices_validated_after_parsing(self):
        f = self.flags["--kernel"]
        self.assertNotIn("choices", f)
        self.assertEqual(f["post_parse_choices"], ["auto", "fast", "safe"])

    def test_aliases(self):
        self.assertEqual(self.flags["--tp-size"]["aliases"], ["--tensor-parallel-size", "--tp"])
        self.assertEqual(self.flags["--ep-size"]["aliases"], ["--expert-parallel-size", "--ep"])
        self.assertEqual(self.flags["--model-path"]["aliases"], ["--model"])
        self.assertTrue(self.flags["--model-path"]["required"])
        self.assertNotIn("--tp", self.flags)

    def test_deprecated_actions(self):
        old = self.flags["--old-graph-mode"]
        self.assertTrue(old["deprecated"])
        self.assertEqual(old["replacement"], "--graph-mode")
        self.assertEqual(old["dest"], "graph_mode")
        self.assertEqual(old["type"], "str")
        removed = self.flags["--removed-metric"]
        self.assertEqual(removed["nargs"], 0)  # from DeprecatedAction.__init__'s default
        self.assertTrue(removed["errors_when_used"])
        self.assertNotIn("errors_when_used", self.flags["--quiet-legacy"])

    def test_flags_from_other_files(self):
        # register_legacy_flags(parser) lives in arg_groups/legacy_flags.py
        self.assertIn("--removed-metric", self.flags)

    def test_boolean_kinds(self):
        self.assertEqual(self.flags["--enable-thing"]["action"], "store_true")
        self.assertEqual(self.flags["--fancy"]["action"], "boolean_optional")
        self.assertEqual(self.flags["--fancy"]["negations"], ["--no-fancy"])

    def test_field_annotated_twice_is_one_flag(self):
        self.assertEqual(self.flags["--moe-dp-size"]["default"], 2)
        self.assertFalse(any("registered twice" in n for n in self.facts["notes"]))

    def test_fields_without_cli(self):
        self.assertNotIn("--internal", self.flags)  # Arg(no_cli=True)
        self.assertNotIn("--plain-field", self.flags)  # not annotated with A[...]

    def test_list_extensions(self):
        # .append at module level and add_quant_choices = QUANT_CHOICES.extend; add_quant_choices([...])
        self.assertEqual(self.flags["--quantization"]["choices"], ["int4", "int8", "fp8", "nf4"])
        self.assertEqual(self.facts["quantization_choices"], ["int4", "int8", "fp8", "nf4"])

    def test_conditional_extension_is_noted_not_applied(self):
        self.assertEqual(self.flags["--sampling-backend"]["choices"], ["flash", "torch"])
        self.assertTrue(any("SAMPLERS" in n and "oracle" in n for n in self.facts["notes"]))

    def test_conditional_local_extension_is_noted_not_applied(self):
        # modes = list(KERNELS); if ...: modes.append("turbo") inside add_cli_args
        self.assertEqual(self.flags["--mode"]["choices"], ["auto", "fast", "safe"])
        self.assertTrue(any("local modes" in n and "turbo" in n for n in self.facts["notes"]))

    def test_config_file_flag_where_the_tree_has_it(self):
        self.assertEqual(self.facts["parser"]["config_file_flag"], "--config")

    def test_quantization_registry(self):
        f = self.facts
        self.assertEqual(f["quantization_registered_methods"], ["int4", "int8"])
        self.assertEqual(f["quantization_platform_conditional"], {"nf4": ["is_npu"]})
        self.assertEqual(f["quantization_choices_not_registered"], ["fp8"])
        self.assertEqual(f["min_capability"]["int4"], 70)  # inherited get_min_capability
        self.assertEqual(f["min_capability"]["int8"], {"value": 75, "except_when": "self.use_fp8", "then": 89})
        self.assertEqual(f["min_capability"]["nf4"], {"value": 80, "except_when": "_is_musa", "then": 21})

    def test_a2a_backends_read_from_source(self):
        rule = {c["id"]: c for c in self.facts["constraints"]}["a2a-forces-ep-eq-tp"]
        self.assertEqual(rule["when"]["in"], ["alpha", "beta", "beta_v2"])
        self.assertEqual(rule["source"], "python/sglang/srt/arg_groups/overrides.py")

    def test_constraint_evidence_followed_to_arg_groups(self):
        rules = {c["id"]: c for c in self.facts["constraints"]}
        self.assertEqual(rules["moe-dp-divides-tp"]["source"], "python/sglang/srt/arg_groups/pipeline.py")
        self.assertNotIn("ep-divides-tp", rules)
        self.assertTrue(any(n.startswith("rule ep-divides-tp dropped") for n in self.facts["notes"]))

    def test_every_dtype_but_float16_falls_back_below_sm80(self):
        # No refusal: below SM80 SGLang replaces whatever --dtype said by float16.
        self.assertEqual(self.facts["dtype_min_capability"],
                         {d: fallback(LOAD_UTILS) for d in ("bfloat16", "auto", "float32")})

    def test_dtype_rules_dropped_without_their_message(self):
        tmp = tempfile.mkdtemp()
        try:
            root = os.path.join(tmp, "tree")
            shutil.copytree(SPLIT, root)
            path = os.path.join(root, LOAD_UTILS)
            with open(path) as f:
                text = f.read()
            with open(path, "w") as f:
                f.write(text.replace("below sm80", "below sm90"))
            facts = extract(root)
        finally:
            shutil.rmtree(tmp)
        self.assertEqual(facts["dtype_min_capability"], {})
        self.assertEqual(sum(n.startswith("dtype rule ") and "dropped" in n for n in facts["notes"]), 3)


class ClassicLayout(unittest.TestCase):
    """Explicit parser.add_argument calls (SGLang up to about v0.5.9)."""

    @classmethod
    def setUpClass(cls):
        cls.facts = extract(CLASSIC)
        cls.flags = cls.facts["flags"]

    def test_explicit_flags(self):
        self.assertEqual(sorted(self.flags), ["--ep-size", "--kv-cache-dtype", "--model-path",
                                              "--moe-a2a-backend", "--tp-size", "--verbose"])
        self.assertEqual(self.flags["--tp-size"]["aliases"], ["--tensor-parallel-size"])
        self.assertEqual(self.flags["--tp-size"]["default"], 1)  # default=ServerArgs.tp_size
        self.assertEqual(self.flags["--verbose"]["nargs"], 0)

    def test_argument_group(self):
        self.assertEqual(self.flags["--kv-cache-dtype"]["choices"], ["auto", "fp8"])

    def test_a2a_equality_tests(self):
        rule = {c["id"]: c for c in self.facts["constraints"]}["a2a-forces-ep-eq-tp"]
        self.assertEqual(rule["when"]["in"], ["deepep"])  # not "other": that branch sets no ep_size

    def test_registry_merged_from_a_second_table(self):
        # v0.4.8/v0.5.2: QUANTIZATION_METHODS = {**BASE_QUANTIZATION_METHODS, **VLLM_QUANTIZATION_METHODS};
        # the second table's methods load only when vllm imports (get_quantization_config).
        f = self.facts
        self.assertEqual(f["quantization_registered_methods"], ["fp8"])
        self.assertEqual(f["quantization_platform_conditional"], {"awq": ["VLLM_AVAILABLE"], "marlin": ["VLLM_AVAILABLE"]})
        self.assertEqual(f["quantization_config_class"], {"fp8": "Fp8Config", "awq": "AWQConfig", "marlin": "MarlinConfig"})
        self.assertEqual(f["min_capability"], {"fp8": 80, "awq": 75})

    def test_no_config_file_flag_without_a_config_flag(self):
        # SGLang added --config after v0.5.2: a tree without the flag has no config file.
        self.assertNotIn("config_file_flag", self.facts["parser"])

    def test_dtype_fallback_found_in_the_older_model_runner(self):
        # v0.5.6 and older: the float16 replacement is in ModelRunner, not in load_model_utils.py.
        self.assertEqual(self.facts["dtype_min_capability"],
                         {d: fallback(MODEL_RUNNER) for d in ("bfloat16", "auto", "float32")})


class CommandLine(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_output_is_deterministic_and_has_no_local_paths(self):
        a, b = os.path.join(self.tmp, "a.json"), os.path.join(self.tmp, "b.json")
        run_main([SPLIT, "--repository", "sgl-project/sglang", "-o", a])
        run_main([SPLIT, "--repository", "sgl-project/sglang", "-o", b])
        with open(a, "rb") as fa, open(b, "rb") as fb:
            raw = fa.read()
            self.assertEqual(raw, fb.read())
        self.assertTrue(raw.endswith(b"}\n"))
        self.assertNotIn(self.tmp.encode(), raw)
        self.assertNotIn(FIXTURES.encode(), raw)
        facts = json.loads(raw)
        self.assertIn("python/sglang/srt/arg_groups/legacy_flags.py", facts["provenance"]["files"])
        self.assertIn(LOAD_UTILS, facts["provenance"]["files"])  # read for the dtype rules

    def test_overlay(self):
        newer = os.path.join(self.tmp, "server_args.py")
        with open(os.path.join(SPLIT, "python/sglang/srt/server_args.py")) as f:
            text = f.read()
        with open(newer, "w") as f:
            f.write(text.replace('QUANT_CHOICES.append("fp8")', "").replace('"beta_v2"]', '"beta_v2", "gamma"]'))
        out = os.path.join(self.tmp, "o.json")
        run_main([SPLIT, "--repository", "sgl-project/sglang", "-o", out,
                  "--overlay", f"python/sglang/srt/server_args.py={newer}",
                  "--overlay-origin", "python/sglang/srt/server_args.py=doc 1"])
        with open(out) as f:
            facts = json.load(f)
        self.assertNotIn("fp8", facts["flags"]["--quantization"]["choices"])
        self.assertIn("gamma", facts["flags"]["--moe-a2a-backend"]["choices"])
        self.assertTrue(facts["id"].startswith("partial-"))
        self.assertTrue(any(n.startswith("PARTIAL profile") for n in facts["notes"]))
        part = facts["partial"]["overlaid_files"]["python/sglang/srt/server_args.py"]
        self.assertEqual(part["origin"], "doc 1")
        self.assertEqual(len(part["sha256"]), 64)
        self.assertNotIn(newer, json.dumps(facts))

    def test_bare_git_snapshot_with_rev(self):
        repo = os.path.join(self.tmp, "repo")
        shutil.copytree(SPLIT, repo)
        env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@t", GIT_COMMITTER_NAME="t",
                   GIT_COMMITTER_EMAIL="t@t", GIT_AUTHOR_DATE="2026-01-02T00:00:00Z",
                   GIT_COMMITTER_DATE="2026-01-02T00:00:00Z")
        for cmd in (["init", "-q"], ["add", "-A"], ["commit", "-qm", "fixture"], ["tag", "v9.9.9"]):
            subprocess.run(["git", "-C", repo, *cmd], check=True, env=env, capture_output=True)
        bare = os.path.join(self.tmp, "bare.git")
        subprocess.run(["git", "clone", "-q", "--bare", repo, bare], check=True, capture_output=True)
        out = os.path.join(self.tmp, "o.json")
        run_main([bare, "--rev", "v9.9.9", "--repository", "sgl-project/sglang", "-o", out])
        with open(out) as f:
            facts = json.load(f)
        self.assertEqual(facts["id"], "v9.9.9")
        self.assertEqual(facts["provenance"]["release_tag"], "v9.9.9")
        self.assertEqual(facts["flags"]["--graph-mode"]["choices"], ["full", "off"])


if __name__ == "__main__":
    unittest.main()
