"""Tests of tools/enginefacts/vllm.py on the miniature source tree in fixtures/vllm/tree.

Run from the repository root: python3 -m unittest discover -s tests/tools -t .
Each test names the extraction trap it guards; the fixture reproduces that trap in a few lines.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tools.enginefacts import vllm  # noqa: E402
from tools.enginefacts.provenance import SourceTree  # noqa: E402

FIXTURE = os.path.join(os.path.dirname(__file__), "fixtures", "vllm", "tree")
LAUNCHERS = "vllm/entrypoints/launchers/cli_args.py"
OPENAI = "vllm/entrypoints/openai/cli_args.py"


def extract(root=FIXTURE):
    return vllm.extract(SourceTree(root, repository="vllm-project/vllm"), ["test"])


class FixtureCopy:
    """A scratch copy of the fixture tree that a test may rearrange."""

    def __enter__(self):
        self.tmp = tempfile.mkdtemp()
        self.root = os.path.join(self.tmp, "tree")
        shutil.copytree(FIXTURE, self.root)
        return self

    def __exit__(self, *exc):
        shutil.rmtree(self.tmp)

    def path(self, rel):
        return os.path.join(self.root, rel)

    def move(self, src, dst):
        os.makedirs(os.path.dirname(self.path(dst)), exist_ok=True)
        shutil.move(self.path(src), self.path(dst))

    def replace(self, rel, old, new):
        with open(self.path(rel), encoding="utf-8") as f:
            text = f.read()
        assert old in text, (rel, old)
        with open(self.path(rel), "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))


class VllmFactsTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.facts = extract()
        cls.flags = cls.facts["flags"]

    # -- choices ---------------------------------------------------------------------------------
    def test_class_constant_choices_are_resolved(self):
        # choices=Backend.ALL where ALL = (FULL, BREAKABLE) refers to other class constants.
        self.assertEqual(self.flags["--graph-backend"]["choices"], ["full", "breakable"])

    def test_unresolvable_choices_stay_dynamic_not_characters(self):
        e = self.flags["--plugin"]
        self.assertNotIn("choices", e)
        self.assertEqual(e["choices_dynamic"], "list_plugins()")

    def test_partly_known_choices_keep_the_dynamic_part(self):
        e = self.flags["--processor-device"]
        self.assertEqual(e["choices"], ["auto", "cpu"])
        self.assertEqual(e["choices_dynamic_extra"], ["current_platform.device_type"])

    def test_no_choice_is_a_single_character_or_a_repr(self):
        for name, e in self.flags.items():
            for c in e.get("choices", []):
                self.assertFalse(isinstance(c, str) and (len(c) == 1 or "Marker(" in c or "Unknown(" in c),
                                 (name, c))

    def test_literal_type_alias_gives_sorted_choices(self):
        # cache_dtype: CacheDType, CacheDType = Literal[...] in the same module.
        self.assertEqual(self.flags["--kv-cache-dtype"]["choices"], ["auto", "bfloat16", "fp8"])
        self.assertEqual(self.flags["--dtype"]["choices"], ["auto", "float16", "half"])

    def test_get_args_of_literal_alias(self):
        self.assertEqual(self.flags["--mode"]["choices"], ["eager", "graph"])

    def test_choices_extended_after_get_kwargs(self):
        # kwargs["trace"]["choices"] += [",".join(p) for p in permutations(get_args(...), r=2)]
        self.assertEqual(self.flags["--trace"]["choices"],
                         ["model", "worker", "None", "model,worker", "worker,model"])
        self.assertEqual(self.flags["--trace"]["nargs"], "+")

    def test_enum_choices_are_checked_after_parsing(self):
        e = self.flags["--attention-backend"]
        self.assertNotIn("choices", e)
        self.assertEqual(e["enum_class"], "AttentionBackendEnum")
        # members, "auto" from the validator, "None"/"" from optional_type
        self.assertEqual(e["post_parse_choices"], ["FLASH_ATTN", "TRITON_ATTN", "auto", "None", ""])
        self.assertTrue(e["post_parse_case_insensitive"])
        self.assertEqual(self.facts["attention_backends"], ["FLASH_ATTN", "TRITON_ATTN"])

    def test_quantization_choices_enforced_after_parsing(self):
        # QuantizationMethods | str gives argparse only a metavar; vLLM checks the value later.
        e = self.flags["--quantization"]
        self.assertEqual(e["choices"], ["fp8", "awq", "old_fp8", "orphan"])
        self.assertIn("choices_enforced_by", e)
        self.assertNotIn("suggested_values", e)
        self.assertEqual(e["deprecated_choices"], ["old_fp8"])

    # -- names, actions, types -------------------------------------------------------------------
    def test_aliases(self):
        self.assertEqual(self.flags["--tensor-parallel-size"]["aliases"], ["-tp"])
        self.assertEqual(self.flags["--enable-expert-parallel"]["aliases"], ["-ep"])
        self.assertEqual(self.flags["--api-server-count"]["aliases"], ["-asc"])
        self.assertEqual(self.flags["--quantization"]["aliases"], ["-q"])
        self.assertNotIn("-tp", self.flags)

    def test_boolean_optional_negations(self):
        e = self.flags["--enable-expert-parallel"]
        self.assertEqual(e["action"], "boolean_optional")
        self.assertEqual(e["negations"], ["--no-enable-expert-parallel"])
        self.assertEqual(e["nargs"], 0)

    def test_deprecated_flag(self):
        self.assertTrue(self.flags["--disable-log-requests"]["deprecated"])
        self.assertNotIn("deprecated", self.flags["--enable-log-requests"])

    def test_types(self):
        self.assertEqual(self.flags["--max-model-len"]["type"], "int_hr_or_auto")
        self.assertEqual(self.flags["--offload-sizes"], {"type": "int", "nargs": "+", "dest": "offload_sizes"})
        self.assertEqual(self.flags["--hf-token"]["nargs"], "?")
        self.assertNotIn("optional", self.flags["--hf-token"])  # bool in the hints: not optional_type
        self.assertTrue(self.flags["--block-size"]["optional"])
        self.assertNotIn("default", self.flags["--block-size"])  # {**kwargs, "default": None}
        self.assertEqual(self.flags["--allowed-origins"], {"type": "json", "dest": "allowed_origins"})
        # default = envs.VLLM_DEV_MODE: only declared under TYPE_CHECKING, set from the environment
        self.assertNotIn("default", self.flags["--log-error-stack"])

    def test_frontend_flags_from_class_loop(self):
        # FrontendArgs.add_cli_args loops over get_kwargs(cls) after cls._customize_cli_kwargs.
        self.assertEqual(self.flags["--port"]["default"], 8000)
        self.assertEqual(self.flags["--uvicorn-log-level"]["choices"], ["debug", "info"])
        self.assertEqual(self.facts["positionals"][0]["name"], "model_tag")

    def test_json_flag_records_its_fields(self):
        e = self.flags["--speculative-config"]
        self.assertEqual(e["type"], "json")
        self.assertEqual(e["json_schema_class"], "SpeculativeConfig")
        self.assertEqual(e["json_fields"]["method"]["choices"], ["eagle", "ngram"])
        self.assertEqual(e["json_fields"]["num_speculative_tokens"]["type"], "int")
        self.assertNotIn("draft_state", e["json_fields"])  # field(init=False)

    # -- unknown keys in JSON flags (json_extra) --------------------------------------------------
    def test_json_extra_forbid_from_the_config_decorator(self):
        # @config (vllm/config/utils.py, main from 2026) makes pydantic dataclasses with
        # ConfigDict(extra="forbid"); --speculative-config reaches the class as SpeculativeConfig(**dict).
        e = self.flags["--speculative-config"]
        self.assertEqual(e["json_extra"], "forbid")
        self.assertTrue(e["json_extra_source"].startswith("vllm/config/utils.py: @config"))
        self.assertEqual(e["json_validated_by"], "vllm/engine/arg_utils.py: SpeculativeConfig(**self.speculative_config)")
        self.assertEqual(e["json_keys_normalize"], "dash_to_underscore")
        self.assertIn("vllm/config/utils.py", self.facts["provenance"]["files"])

    def test_json_extra_set_on_the_pydantic_dataclass_or_left_to_pydantic(self):
        e = self.flags["--compilation-config"]  # @dataclass(config=ConfigDict(extra="forbid"))
        self.assertEqual(e["json_extra"], "forbid")
        self.assertEqual(e["json_extra_source"], "vllm/config/compilation.py: @dataclass(config=ConfigDict(extra='forbid'))")
        self.assertEqual(e["json_validated_by"], "vllm/engine/arg_utils.py: TypeAdapter(cls).validate_json")
        self.assertNotIn("json_keys_normalize", e)
        e = self.flags["--kv-transfer-config"]  # plain pydantic @dataclass: unknown keys are dropped
        self.assertEqual(e["json_extra"], "ignore")
        self.assertIn("pydantic's default", e["json_extra_source"])

    def test_json_extra_given_to_the_config_decorator_wins(self):
        with FixtureCopy() as t:
            t.replace("vllm/config/speculative.py", "@config\nclass SpeculativeConfig",
                      '@config(config=ConfigDict(extra="ignore"))\nclass SpeculativeConfig')
            facts = extract(t.root)
        self.assertEqual(facts["flags"]["--speculative-config"]["json_extra"], "ignore")

    def test_json_extra_dropped_without_evidence_of_how_the_value_is_validated(self):
        with FixtureCopy() as t:
            t.replace("vllm/engine/arg_utils.py", "TypeAdapter(cls).validate_json(val)", "json.loads(val)")
            t.replace("vllm/engine/arg_utils.py", "k.replace(\"-\", \"_\")", "k")
            facts = extract(t.root)
        flags = facts["flags"]
        for name in ("--compilation-config", "--kv-transfer-config"):
            self.assertNotIn("json_extra", flags[name])
            self.assertIn("json_fields", flags[name])
            self.assertTrue(any(n.startswith(name + ": json_extra dropped") for n in facts["notes"]), name)
        self.assertEqual(flags["--speculative-config"]["json_extra"], "forbid")  # its own evidence is there
        self.assertNotIn("json_keys_normalize", flags["--speculative-config"])

    def test_no_json_extra_where_config_is_not_a_pydantic_decorator(self):
        # Up to v0.11 / main-2025-12-31 @config only returned the class: no extra is set there.
        with FixtureCopy() as t:
            with open(t.path("vllm/config/utils.py"), "w", encoding="utf-8") as f:
                f.write("def config(cls):\n    return cls\n")
            facts = extract(t.root)
        self.assertNotIn("json_extra", facts["flags"]["--speculative-config"])
        self.assertIn("--speculative-config: SpeculativeConfig is no pydantic dataclass the reader recognises; "
                      "json_extra not recorded", facts["notes"])
        self.assertEqual(facts["flags"]["--compilation-config"]["json_extra"], "forbid")

    def test_committed_facts_record_where_vllm_rejects_unknown_keys(self):
        # Read from the real trees (resources/engines/facts/SOURCES.md): @config forbids extra keys
        # at main 2026-08-21; at main 2025-12-31 only CompilationConfig does; v0.11.0 none.
        def facts_of(name):
            with open(os.path.join(ROOT, "resources/engines/facts", name), encoding="utf-8") as f:
                return json.load(f)["flags"]
        new, dec, old = (facts_of(f"vllm-{v}.json") for v in ("main-2026-08-21", "main-2025-12-31", "v0.11.0"))
        self.assertEqual(new["--compilation-config"]["json_extra"], "forbid")
        self.assertEqual(new["--compilation-config"]["json_extra_source"],
                         "vllm/config/utils.py: @config makes ConfigDict(extra='forbid')")
        self.assertEqual(new["--speculative-config"]["json_extra"], "forbid")
        self.assertEqual({n for n, e in dec.items() if e.get("json_extra") == "forbid"}, {"--compilation-config"})
        self.assertEqual({e.get("json_extra") for e in old.values() if "json_schema_class" in e}, {"ignore"})

    def test_serve_model_flag_refused_or_moved_only_with_evidence(self):
        # v0.11.0 raises ValueError for `vllm serve --model X`; later parsers move X into the
        # positional. Neither without its evidence in the parser's file.
        self.assertNotIn("serve_model_flag", self.facts["parser"])
        self.assertTrue(any("parser fact serve_model_flag dropped" in n for n in self.facts["notes"]))
        rel = "vllm/utils/argparse_utils.py"
        with FixtureCopy() as tree:
            tree.replace(rel, "        key, *keys", "        if args and args[0] == 'serve':\n"
                         "            model_in_cli_args = any(arg == '--model' for arg in args)\n\n"
                         "            if model_in_cli_args:\n                raise ValueError('positional')\n        key, *keys")
            self.assertEqual(extract(tree.root)["parser"]["serve_model_flag"], "error")
        with FixtureCopy() as tree:
            tree.replace(rel, "        key, *keys", "        model_idx = 0\n        model_tag = args[model_idx + 1]\n        key, *keys")
            self.assertEqual(extract(tree.root)["parser"]["serve_model_flag"], "moved")

    # -- quantization, env -----------------------------------------------------------------------
    def test_min_capability_inherited_and_unregistered_noted(self):
        self.assertEqual(self.facts["min_capability"], {"fp8": 89, "awq": 75, "old_fp8": 89})
        self.assertEqual(self.facts["quantization_config_class"]["old_fp8"], "OldFp8Config")
        self.assertTrue(any("orphan" in n for n in self.facts["notes"]))

    def test_env_choices(self):
        self.assertEqual(self.facts["env"], {"VLLM_KV_LAYOUT": {"choices": ["NHD", "HND"]},
                                             "VLLM_PRECISION": {"choices": ["highest", "high"],
                                                                "case_sensitive": False}})

    # -- layout moves, evidence ------------------------------------------------------------------
    def test_parser_module_moved_to_launchers(self):
        self.assertIn("make_arg_parser read from " + LAUNCHERS, self.facts["notes"])

    def test_parser_module_in_openai_before_v029(self):
        with FixtureCopy() as t:
            t.move(LAUNCHERS, OPENAI)
            facts = extract(t.root)
        self.assertEqual(sorted(facts["flags"]), sorted(self.flags))
        self.assertIn("make_arg_parser read from " + OPENAI, facts["notes"])
        # the rule's evidence is found in its older location, the second file the rule names
        ids = {c["id"]: c for c in facts["constraints"]}
        self.assertEqual(ids["auto-tool-choice-needs-parser"]["source"], OPENAI)

    def test_no_parser_module_is_an_error(self):
        with FixtureCopy() as t:
            os.remove(t.path(LAUNCHERS))
            with self.assertRaises(vllm.ExtractError):
                extract(t.root)

    def test_constraint_kept_only_with_evidence_and_found_where_it_moved(self):
        ids = {c["id"]: c for c in self.facts["constraints"]}
        self.assertEqual(ids["auto-tool-choice-needs-parser"]["source"], LAUNCHERS)
        self.assertEqual(ids["eplb-needs-ep"]["source"], "vllm/config/parallel.py")  # split literal
        self.assertNotIn("per-request-metrics-vs-disable-log-stats", ids)
        self.assertTrue(any("per-request-metrics-vs-disable-log-stats dropped" in n for n in self.facts["notes"]))
        with FixtureCopy() as t:
            t.replace("vllm/config/parallel.py", "to use EPLB", "for EPLB")
            facts = extract(t.root)
        self.assertNotIn("eplb-needs-ep", {c["id"] for c in facts["constraints"]})
        self.assertTrue(any(n.startswith("constraint eplb-needs-ep dropped") for n in facts["notes"]))

    # -- dtype capability rules (vllm.DTYPE_RULES) --------------------------------------------
    def test_bfloat16_refused_below_sm80_from_a_split_message(self):
        # The message is cut into literals and an f-string: found in the joined string constants.
        self.assertEqual(self.facts["dtype_min_capability"]["bfloat16"], {
            "min": 80, "behaviour": "error",
            "message": "Bfloat16 is only supported on GPUs with compute capability of at least 8.0",
            "source": "vllm/platforms/cuda.py + vllm/v1/worker/gpu_worker.py"})
        for path in ("vllm/platforms/cuda.py", "vllm/v1/worker/gpu_worker.py"):
            self.assertIn(path, self.facts["provenance"]["files"])

    def test_auto_falls_back_to_float16_below_sm80(self):
        self.assertEqual(self.facts["dtype_min_capability"]["auto"], {
            "min": 80, "behaviour": "falls back to float16",
            "message": "Falling back to %s for compatibility",
            "source": "vllm/config/model.py + vllm/platforms/cuda.py"})
        self.assertNotIn("float16", self.facts["dtype_min_capability"])
        self.assertNotIn("float32", self.facts["dtype_min_capability"])

    def test_dtype_rule_dropped_when_its_minimum_changes(self):
        # A vLLM that raised the minimum would say so in the message: the rule of 8.0 goes.
        with FixtureCopy() as t:
            t.replace("vllm/platforms/cuda.py", "at least 8.0", "at least 9.0")
            facts = extract(t.root)
        self.assertNotIn("bfloat16", facts["dtype_min_capability"])
        self.assertIn("auto", facts["dtype_min_capability"])
        self.assertTrue(any(n.startswith("dtype rule bfloat16 (min 80, error) dropped") for n in facts["notes"]))

    def test_dtype_rule_needs_every_piece_of_evidence(self):
        # The check is only a start-up refusal while the GPU worker calls it; the auto fallback
        # only gives float16 while the platform's list says why.
        with FixtureCopy() as t:
            t.replace("vllm/v1/worker/gpu_worker.py", "current_platform.check_if_supports_dtype(model_config.dtype)",
                      "pass")
            t.replace("vllm/platforms/cuda.py", "# Pascal, Volta and Turing NVIDIA GPUs, BF16 is not supported\n", "")
            facts = extract(t.root)
        self.assertEqual(facts["dtype_min_capability"], {})
        dropped = [n for n in facts["notes"] if n.startswith("dtype rule")]
        self.assertEqual(len(dropped), 2)
        self.assertIn("'check_if_supports_dtype' not found in vllm/v1/worker/gpu_worker.py, vllm/worker/worker.py",
                      dropped[0])

    def test_overlay_replaces_one_file_and_marks_the_output_partial(self):
        with tempfile.TemporaryDirectory() as d:
            newer = os.path.join(d, "cache.py")
            with open(os.path.join(FIXTURE, "vllm/config/cache.py"), encoding="utf-8") as f:
                text = f.read().replace('"bfloat16"]', '"bfloat16", "nvfp4"]')
            with open(newer, "w", encoding="utf-8") as f:
                f.write(text)
            out = os.path.join(d, "out.json")
            subprocess.run([sys.executable, "-m", "tools.enginefacts.vllm", FIXTURE,
                            "--overlay", f"vllm/config/cache.py={newer}@doc:123", "-o", out],
                           cwd=ROOT, check=True, capture_output=True)
            with open(out, encoding="utf-8") as f:
                facts = json.load(f)
        self.assertEqual(facts["flags"]["--kv-cache-dtype"]["choices"], ["auto", "bfloat16", "fp8", "nvfp4"])
        self.assertTrue(facts["version"].startswith("partial-"))
        over = facts["partial"]["overlaid_files"]["vllm/config/cache.py"]
        self.assertEqual(over["source"], "doc:123")
        self.assertEqual(over["sha256"], facts["provenance"]["files"]["vllm/config/cache.py"])
        self.assertNotIn(d, facts["provenance"]["command"])
        self.assertNotIn("partial", self.facts)

    # -- output ----------------------------------------------------------------------------------
    def test_output_is_deterministic_and_has_no_local_paths(self):
        with tempfile.TemporaryDirectory() as d:
            outs = []
            for i in range(2):
                out = os.path.join(d, f"{i}.json")
                subprocess.run([sys.executable, "-m", "tools.enginefacts.vllm", FIXTURE, "-o", out],
                               cwd=ROOT, check=True, capture_output=True)
                with open(out, "rb") as f:
                    outs.append(f.read())
        self.assertEqual(outs[0], outs[1])
        self.assertTrue(outs[0].endswith(b"}\n"))
        facts = json.loads(outs[0])
        self.assertNotIn(FIXTURE, facts["provenance"]["command"])
        self.assertIn("<vllm-project/vllm@", facts["provenance"]["command"])
        self.assertIn("vllm/engine/arg_utils.py", facts["provenance"]["files"])


if __name__ == "__main__":
    unittest.main()
