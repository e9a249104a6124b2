"""Tests of tools/enginefacts/trtllm.py on small hand-written fixtures (no engine code)."""
import hashlib
import json
import os
import shutil
import tempfile
import unittest

from tools.enginefacts import trtllm

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "fixtures", "trtllm", "src")


class YamlReaderTest(unittest.TestCase):

    def test_nested_mappings_lists_and_scalars(self):
        doc = trtllm.read_simple_yaml(
            "# head\n"
            "top: 1\n"
            "nested:\n"
            "  a: null\n"
            "  b: true\n"
            "  c: 0.9\n"
            "  d: Choice(['x', 'y'])  # comment\n"
            "  e: 'it''s'\n"
            "  items:\n"
            "  - \"--one\"\n"
            "  - two\n"
            "  deeper:\n"
            "    f: \"a # not a comment\"\n")
        self.assertEqual(doc, {"top": 1, "nested": {
            "a": None, "b": True, "c": 0.9, "d": "Choice(['x', 'y'])", "e": "it's",
            "items": ["--one", "two"], "deeper": {"f": "a # not a comment"}}})

    def test_bad_indentation_is_an_error(self):
        with self.assertRaises(ValueError):
            trtllm.read_simple_yaml("a:\n    b: 1\n  c: 2\n")


class ExtractTest(unittest.TestCase):

    @classmethod
    def setUpClass(cls):
        cls.facts = trtllm.extract(SRC)

    # --- flags from the CLI stability reference

    def test_every_spelling_is_a_key_with_the_others_as_aliases(self):
        f = self.facts["flags"]
        self.assertEqual(f["--ratio"]["aliases"], ["--fraction"])
        self.assertEqual(f["--fraction"]["aliases"], ["--ratio"])
        self.assertEqual(f["--fraction"]["dest"], "ratio")
        self.assertTrue(f["--ratio"]["multiple"])

    def test_no_prefixed_spelling_of_a_boolean_flag_negates_it(self):
        f = self.facts["flags"]
        self.assertEqual(f["--beacon"]["negative_flags"], ["--no-beacon"])
        self.assertEqual(f["--no-beacon"]["negates"], "beacon")
        self.assertNotIn("negates", f["--beacon"])
        self.assertTrue(f["--beacon"]["is_flag"])

    def test_choice_type_status_and_defaults(self):
        f = self.facts["flags"]
        self.assertEqual(f["--colour"]["type"], "choice")
        self.assertEqual(f["--colour"]["choices"], ["blue", "red"])
        self.assertEqual(f["--colour"]["status"], "deprecated")
        self.assertEqual(f["--width"]["type"], "int")
        self.assertIsNone(f["--width"]["default"])
        self.assertNotIn("choices", f["--width"])
        self.assertEqual(f["--search_dirs"]["type"], "path")
        self.assertNotIn("--port", f)  # another subcommand's option

    def test_subcommands_and_default_from_serve_py(self):
        s = self.facts["subcommands"]
        self.assertEqual(s["group"], "DefaultGroup")
        self.assertEqual(s["subcommands"], ["serve", "helper", "extra"])
        self.assertEqual(s["default_subcommand"], "serve")
        self.assertEqual(s["gated_by_cli_reference"], ["serve", "helper"])
        self.assertIn("does not gate: ['extra']", " ".join(self.facts["problems"]))

    # --- the older serve.py read with ast

    def test_portable_flags_are_old_spellings_still_in_the_reference(self):
        self.assertEqual(self.facts["notes"]["portable_flags"],
                         ["--beacon", "--colour", "--fraction", "--no-beacon", "--ratio"])
        self.assertEqual(self.facts["positional"], ["MODEL"])

    def test_choice_subclass_aliases_and_differences(self):
        self.assertEqual(self.facts["flags"]["--colour"]["choice_aliases_in_serve_py"], {"grn": "green"})
        d = self.facts["flags_ast_vs_reference"]
        self.assertEqual(d["choice_differences"]["colour"]["serve_py_ast"], ["blue", "red", "green"])
        self.assertEqual(d["only_in_reference"], ["--search_dirs", "--width"])
        self.assertIn("--max-width", d["only_in_serve_py_ast"])

    def test_consumed_by_serve(self):
        self.assertEqual(self.facts["llm_api_yaml_special_keys"]["consumed_by_serve"], ["cluster_spec"])

    # --- Click decorators directly

    def click(self):
        with open(os.path.join(SRC, "versions/old/tensorrt_llm/commands/serve.py")) as f:
            text = trtllm.split_excerpts(f.read())[0][1]
        return trtllm.click_options(text, "serve")

    def test_click_names_negation_and_explicit_dest(self):
        opts, args = self.click()
        self.assertEqual(args, ["model"])
        self.assertEqual(opts["beacon"]["flags"], ["--beacon", "--no-beacon"])
        self.assertTrue(opts["beacon"]["is_flag"])
        self.assertEqual(opts["ratio"]["flags"], ["--ratio", "--fraction"])
        self.assertIn("max_width", opts)  # dest from the first "--" spelling, dashes to underscores
        self.assertEqual(opts["max_width"]["flags"], ["-w", "--max-width"])

    def test_click_choices_literal_enum_and_dynamic(self):
        opts, _ = self.click()
        self.assertEqual(opts["shade"]["type"], ("choice", ["light", "dark"]))
        self.assertEqual(opts["level"]["type"], ("choice", "dynamic:levels.keys()"))
        self.assertEqual(opts["dirs"]["type"][0], "path")
        self.assertEqual(opts["max_width"]["default"], "dynamic:compute_default()")

    def test_click_status_from_stability_tag(self):
        opts, _ = self.click()
        self.assertEqual(opts["beacon"]["status"], "beta")
        self.assertEqual(opts["quiet"]["status"], "prototype")
        self.assertIsNone(opts["colour"]["status"])

    # --- LLM API YAML keys

    def test_literal_optional_and_bounds(self):
        y = self.facts["llm_api_yaml"]
        self.assertEqual(y["flavour"]["choices"], ["plain", "spicy"])
        self.assertTrue(y["flavour"]["nullable"])
        self.assertFalse(y["dtype"]["nullable"])
        self.assertEqual((y["threshold"]["min_exclusive"], y["threshold"]["max"]), (0.0, 2.0))
        self.assertEqual(y["toggle"]["type"], "bool|str")
        self.assertEqual(y["toggle"]["choices"], ["auto"])
        self.assertEqual(y["weights"]["type"], "map")
        self.assertEqual(y["model"]["required"], True)
        self.assertEqual(y["model"]["type"], "object|str")

    def test_subclass_field_overrides_base(self):
        b = self.facts["llm_api_yaml"]["backend"]
        self.assertEqual((b["choices"], b["nullable"], b["defined_in"]), (["only"], False, "DerivedArgs"))
        self.assertEqual(self.facts["llm_args_alias"], "DerivedArgs")
        self.assertTrue(self.facts["llm_args_extra_forbid"])

    def test_sections_are_expanded_with_dotted_keys(self):
        y = self.facts["llm_api_yaml"]
        self.assertEqual(self.facts["llm_api_sections_checked"], {"gadget_config": "GadgetConfig"})
        self.assertEqual(y["gadget_config"]["class"], "GadgetConfig")
        self.assertEqual(y["gadget_config"]["default"], "<factory>")
        self.assertEqual(y["gadget_config.mode"]["choices"], ["a", "b"])
        self.assertEqual(y["gadget_config.speeds"]["item_choices"], ["slow", "fast"])
        self.assertEqual(y["gadget_config.limit"]["min"], 1)
        self.assertEqual(y["gadget_config.limit"]["status"], "prototype")
        self.assertEqual(y["gadget_config.old_knob"]["status"], "deprecated")
        self.assertNotIn("gadget_config._hidden", y)

    def test_validator_excerpt_belongs_to_its_class_only(self):
        y = self.facts["llm_api_yaml"]
        self.assertEqual(y["gadget_config.dtype"]["validator_choices"][:2], ["auto", "tiny"])
        self.assertNotIn("validator_choices", y["dtype"])

    def test_special_keys_and_properties(self):
        s = self.facts["llm_api_yaml_special_keys"]
        self.assertEqual(s["remapped"], ["old_name"])
        self.assertEqual(s["converted_to_objects"], ["gadget_config", "secret_config"])
        self.assertEqual(self.facts["llm_api_properties_not_fields"], ["secret_config"])

    # --- quantization and GPUs

    def test_quant_algos(self):
        self.assertEqual(self.facts["quant_algo"], ["ALPHA", "BETA_FP8", "GAMMA"])
        self.assertEqual(self.facts["kv_cache_quant_algo"], ["BETA_FP8", "GAMMA"])

    def test_hardware_matrix_first_table_only(self):
        self.assertEqual(self.facts["supported_sm"],
                         {"NVFP4": [100, 120], "FP8": [90, 100, 120], "KV_CACHE_FP8": [80, 90, 120]})
        self.assertEqual(self.facts["min_sm"]["NVFP4"], 100)
        self.assertEqual(self.facts["min_sm"]["MXFP8"], 100)
        self.assertEqual(self.facts["lowest_listed_sm"], 80)

    def test_support_matrix_precisions_and_footnote(self):
        self.assertEqual(self.facts["min_sm"]["KV_CACHE_NVFP4"], 100)
        self.assertEqual(self.facts["min_sm"]["W8A16"], 75)
        self.assertEqual(self.facts["int4_with_fp8_activations_min_sm"], 87)

    def test_mxfp4_variants_from_model_config(self):
        self.assertEqual(self.facts["min_sm"]["BETA_FP8"], 110)
        self.assertEqual(self.facts["min_sm"]["ALPHA"], 85)  # below 110: the TRITON branch's low bound
        self.assertEqual(sorted(self.facts["hf_quant_methods"]), ["eta", "zeta"])
        self.assertEqual(list(self.facts["quant_algo_referenced_not_in_enum"]), ["NOT_AN_ENUM_MEMBER"])

    def test_attention_backends_and_dtype_mapping(self):
        y = self.facts["llm_api_yaml"]
        self.assertEqual(y["attn_backend"]["choices"], ["PLAIN", "FANCY"])
        self.assertTrue(y["attn_backend"]["case_insensitive"])
        self.assertEqual(y["gadget_config.dtype"]["choices"], ["auto", "tiny", "half", "byte"])

    def test_unknown_matrix_column_or_row_fails(self):
        head = "## Hardware Support Matrix\n\n| Model | %s |\n| :-- | :-: |\n| %s | Y |\n"
        with self.assertRaises(ValueError):
            trtllm.hardware_matrix(head % ("INT3", "Hopper"))
        with self.assertRaises(ValueError):
            trtllm.hardware_matrix(head % ("NVFP4", "Volta"))

    # --- version, id, provenance

    def test_version_not_taken_from_another_commit(self):
        self.assertFalse(self.facts["version_py"]["consistent"])
        self.assertEqual(self.facts["version_py"]["value"], "9.9.0rc1")
        self.assertEqual(self.facts["version"], "main-aaaaaaaa")
        self.assertEqual(self.facts["profile_id"], "main-aaaaaaaa")

    def test_provenance_names_each_file_with_its_hash(self):
        p = self.facts["provenance"]
        self.assertEqual(p["command"], trtllm.COMMAND)
        files = {(f["path"], f.get("read_as")): f for f in p["files"]}
        y = files[(trtllm.SERVE_CLI_YAML, None)]
        with open(os.path.join(SRC, trtllm.SERVE_CLI_YAML), "rb") as f:
            self.assertEqual(y["sha256"], hashlib.sha256(f.read()).hexdigest())
        self.assertEqual((y["commit"], y["index_id"], y["kept"]), ("aaaaaaaa11111111aaaaaaaa11111111aaaaaaaa", "1", "whole"))
        old = files[(trtllm.SERVE_PY, "versions/old/tensorrt_llm/commands/serve.py")]
        self.assertEqual(old["commit"], "ffffffff66666666ffffffff66666666ffffffff")
        self.assertNotIn(HERE, json.dumps(self.facts))
        args = files[(trtllm.LLM_ARGS_PY, None)]
        self.assertEqual(len(args["excerpts"]), 6)
        self.assertTrue(args["excerpts"][1].startswith("@@ excerpt 2 (in GadgetConfig)"))
        self.assertNotIn("excerpts", y)
        self.assertIn("tensorrt_llm/commands/serve.py @ ffffffff", self.facts["sources"])


class IdAndOutputTest(unittest.TestCase):

    def copy(self, **manifest):
        tmp = tempfile.mkdtemp()
        self.addCleanup(shutil.rmtree, tmp)
        dst = os.path.join(tmp, "src")
        shutil.copytree(SRC, dst)
        with open(os.path.join(dst, "manifest.json")) as f:
            m = json.load(f)
        for k, v in manifest.items():
            if k == "tag":
                for e in m["files"].values():
                    e["release_tag"] = v
            else:
                m[k] = v
        with open(os.path.join(dst, "manifest.json"), "w") as f:
            json.dump(m, f)
        return dst, tmp

    def test_id_is_the_newest_commit_date(self):
        src, _ = self.copy(commit_dates={"aaaaaaaa11111111aaaaaaaa11111111aaaaaaaa": "2026-07-01",
                                         "bbbbbbbb22222222bbbbbbbb22222222bbbbbbbb": "2026-07-09"})
        self.assertEqual(trtllm.extract(src)["profile_id"], "main-2026-07-09")

    def test_one_release_tag_names_the_profile_and_version(self):
        src, _ = self.copy(tag="v9.9.0rc1")
        facts = trtllm.extract(src)
        self.assertEqual(facts["profile_id"], "v9.9.0rc1")
        self.assertEqual(facts["version"], "9.9.0rc1")

    def test_missing_optional_sources_are_problems_not_guesses(self):
        src, _ = self.copy()
        for p in (trtllm.MODEL_CONFIG_PY, trtllm.SUPPORT_DOC):
            os.remove(os.path.join(src, p))
        facts = trtllm.extract(src)
        self.assertNotIn("W8A16", facts["min_sm"])
        self.assertNotIn("ALPHA", facts["min_sm"])
        self.assertNotIn("hf_quant_methods", facts)
        self.assertEqual(sum(trtllm.MODEL_CONFIG_PY in p or trtllm.SUPPORT_DOC in p
                             for p in facts["problems"]), 2)

    def test_dtype_minimums_from_the_precision_list(self):
        # The lowest architecture line that lists a precision gives its minimum and the message.
        facts = trtllm.extract(SRC)
        d = facts["dtype_min_capability"]
        doc = trtllm.SUPPORT_DOC + " (Precision list)"
        self.assertEqual(d["float16"], {"min": 75, "behaviour": "not listed",
                                        "message": "Oldgen (SM75, SM80) - FP16, INT8[^note]", "source": doc})
        self.assertEqual(d["bfloat16"], {"min": 100, "behaviour": "not listed",
                                         "message": "Newgen (SM100/SM120) - FP16, BF16, FP4, INT8", "source": doc})
        self.assertNotIn("float32", d)  # FP32 is in no line: no guess
        self.assertTrue(any(p.startswith("dtype rule float32 dropped") for p in facts["problems"]))

    def test_no_dtype_minimums_without_the_support_matrix(self):
        src, _ = self.copy()
        os.remove(os.path.join(src, trtllm.SUPPORT_DOC))
        self.assertEqual(trtllm.extract(src)["dtype_min_capability"], {})

    def test_output_is_deterministic_with_a_trailing_newline(self):
        src, tmp = self.copy()
        a, b = os.path.join(tmp, "a.json"), os.path.join(tmp, "b.json")
        trtllm.main([src, "-o", a])
        trtllm.main([SRC, "-o", b])
        with open(a, "rb") as fa, open(b, "rb") as fb:
            da, db = fa.read(), fb.read()
        self.assertEqual(da, db)
        self.assertTrue(da.endswith(b"}\n"))


if __name__ == "__main__":
    unittest.main()
