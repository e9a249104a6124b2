"""Tests of tools/gen_profiles.py: what the profiles carry for lint from the facts.

Run from the repository root: python3 -m unittest discover -s tests/tools -t .
"""
import contextlib
import io
import os
import sys
import unittest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
if ROOT not in sys.path:
    sys.path.insert(0, ROOT)

from tools import gen_profiles  # noqa: E402


def facts_with(flags):
    return {"flags": flags}


def profile(version, flags):
    return {"engine": "vllm", "display_name": "vLLM", "version": version, "flags": flags}


class JsonKeysTest(unittest.TestCase):
    """json_keys / json_keys_strict / json_keys_removed of the JSON flags with a config class."""

    @classmethod
    def setUpClass(cls):
        with contextlib.redirect_stderr(io.StringIO()):
            cls.built = gen_profiles.build()

    def test_keys_are_the_config_class_fields_and_strict_only_where_extra_is_forbidden(self):
        fields = {"mode": {"type": "int"}, "backend": {"type": "str"}}
        flags = gen_profiles.argparse_flags(facts_with({
            "--compilation-config": {"type": "json", "json_schema_class": "CompilationConfig",
                                     "json_fields": fields, "json_extra": "forbid"},
            "--kv-transfer-config": {"type": "json", "json_schema_class": "KVTransferConfig",
                                     "json_fields": fields, "json_extra": "ignore"},
            "--speculative-config": {"type": "json", "json_schema_class": "SpeculativeConfig", "json_fields": fields,
                                     "json_extra": "forbid", "json_keys_normalize": "dash_to_underscore"},
            "--hf-overrides": {"type": "json"},
        }))
        self.assertEqual(flags["--compilation-config"]["json_keys"], ["backend", "mode"])
        self.assertIs(flags["--compilation-config"]["json_keys_strict"], True)
        self.assertEqual(flags["--kv-transfer-config"]["json_keys"], ["backend", "mode"])
        self.assertNotIn("json_keys_strict", flags["--kv-transfer-config"])
        self.assertEqual(flags["--speculative-config"]["json_keys_normalize"], "dash_to_underscore")
        self.assertNotIn("json_keys", flags["--hf-overrides"])  # a dict without a config class
        self.assertNotIn("json_keys_normalize", flags["--compilation-config"])

    def test_removed_keys_name_the_last_version_that_had_them(self):
        old = profile("v0.11.0", {"--cc": {"json_keys": ["level", "mode", "use_inductor"]}})
        mid = profile("main-2025-12-31", {"--cc": {"json_keys": ["level", "mode"]}})
        new = profile("main-2026-08-21", {"--cc": {"json_keys": ["mode"]}, "--x": {"value": True}})
        gen_profiles.older_json_keys(new, [mid, old])  # newest first, as build() passes them
        self.assertEqual(new["flags"]["--cc"]["json_keys_removed"], {
            "level": "accepted up to vllm main-2025-12-31; gone in main-2026-08-21",
            "use_inductor": "accepted up to vllm v0.11.0; gone in main-2025-12-31"})
        self.assertNotIn("json_keys_removed", new["flags"]["--x"])
        gen_profiles.older_json_keys(old, [])
        self.assertNotIn("json_keys_removed", old["flags"]["--cc"])

    def test_compilation_config_in_the_generated_profiles(self):
        new = self.built["vllm-main-2026-08-21.json"]["flags"]["--compilation-config"]
        self.assertIn("mode", new["json_keys"])
        self.assertNotIn("level", new["json_keys"])
        self.assertEqual(new["json_keys"], sorted(new["json_keys"]))
        self.assertIs(new["json_keys_strict"], True)
        self.assertEqual(new["json_keys_removed"]["level"],
                         "accepted up to vllm main-2025-12-31; gone in main-2026-08-14")
        self.assertEqual(new["json_keys_removed"]["use_inductor"],
                         "accepted up to vllm v0.11.0; gone in main-2025-12-31")
        dec = self.built["vllm-main-2025-12-31.json"]["flags"]
        self.assertIs(dec["--compilation-config"]["json_keys_strict"], True)  # extra="forbid" on the class
        self.assertNotIn("json_keys_strict", dec["--speculative-config"])
        old = self.built["vllm-v0.11.0.json"]["flags"]["--compilation-config"]
        self.assertIn("level", old["json_keys"])
        self.assertNotIn("json_keys_strict", old)  # pydantic ignores unknown keys there
        self.assertNotIn("json_keys_removed", old)

    def test_every_strict_flag_lists_its_keys(self):
        for name, p in self.built.items():
            for flag, e in p["flags"].items():
                if e.get("json_keys_strict") or "json_keys_removed" in e:
                    self.assertTrue(e.get("json_keys"), (name, flag))
                    self.assertTrue(e.get("json"), (name, flag))


if __name__ == "__main__":
    unittest.main()


class GoneValuesTest(unittest.TestCase):
    """Values a version's parser refuses become unsupported there, and there only."""

    @classmethod
    def setUpClass(cls):
        with contextlib.redirect_stderr(io.StringIO()):
            cls.built = gen_profiles.build()

    def test_attention_values_the_parser_refuses(self):
        # SGLang v0.5.2's --attention-backend has neither fa4 nor flex_attention; v0.5.6 has both.
        old = self.built["sglang-v0.5.2.json"]["mapping"]["attention"]
        self.assertIn("unsupported", old["fa4"])
        self.assertIn("unsupported", old["flex_attention"])
        self.assertEqual(old["fa3"], {"value": "fa3"})
        new = self.built["sglang-v0.5.6.json"]["mapping"]["attention"]
        self.assertEqual(new["fa4"], {"value": "fa4"})  # a shared table rewritten for one profile would leak here
        self.assertEqual(new["flex_attention"], {"value": "flex_attention"})

    def test_kv_bfloat16_refused_before_v056(self):
        for name in ("sglang-v0.5.2.json", "sglang-v0.4.8.post1.json"):
            self.assertIn("unsupported", self.built[name]["mapping"]["kv_cache"]["bfloat16"], name)
        self.assertEqual(self.built["sglang-v0.5.6.json"]["mapping"]["kv_cache"]["bfloat16"]["value"], "bfloat16")

    def test_methods_that_need_vllm_are_warned(self):
        m = self.built["sglang-v0.4.8.post1.json"]["mapping"]["methods"]
        self.assertIn("vllm", m["awq"]["warn"])
        self.assertEqual(self.built["sglang-v0.5.2.json"]["mapping"]["methods"]["awq"], {"value": "awq"})
        self.assertIn("vllm", self.built["sglang-v0.5.2.json"]["mapping"]["methods"]["gguf"]["warn"])

    def test_expert_parallel_is_a_switch_in_v048(self):
        self.assertEqual(self.built["sglang-v0.4.8.post1.json"]["mapping"]["expert_parallel"],
                         {"style": "enable_flag", "flag": "--enable-ep-moe", "ep_size": "tp"})
        self.assertNotIn("moe_backend_flag", self.built["sglang-v0.4.8.post1.json"]["mapping"])
        self.assertEqual(self.built["sglang-v0.5.2.json"]["mapping"]["expert_parallel"]["flag"], "--ep-size")
        # --enable-ep-moe is still a flag of both: not listed as removed there.
        for name in ("sglang-v0.5.2.json", "sglang-v0.4.8.post1.json"):
            self.assertNotIn("--enable-ep-moe", self.built[name]["removed_flags"], name)


class ServingTest(unittest.TestCase):
    """mapping.serving: each option only where the version's parser has it."""

    @classmethod
    def setUpClass(cls):
        with contextlib.redirect_stderr(io.StringIO()):
            cls.built = gen_profiles.build()

    def test_every_mapped_option_is_a_flag_of_that_version(self):
        for name, p in self.built.items():
            for field, entry in p["mapping"]["serving"].items():
                if "flag" in entry:
                    self.assertIn(entry["flag"], p["flags"], f"{name} {field}")
                    self.assertIsNot(p["flags"][entry["flag"]].get("portable"), False, f"{name} {field}")

    def test_a_missing_option_is_unsupported_with_the_reason(self):
        flags = gen_profiles.argparse_flags(facts_with({"--port": {"type": "int"}}))
        m = gen_profiles.serving_map("vLLM v0", flags, gen_profiles.SERVING_VLLM, "vllm")
        self.assertEqual(m["port"], {"flag": "--port"})
        self.assertEqual(m["max_model_len"]["unsupported"], "vLLM v0 has no --max-model-len option")

    def test_a_recent_only_trtllm_option_is_not_emitted(self):
        m = self.built["trtllm-main-029e223d.json"]["mapping"]["serving"]
        self.assertIn("unsupported", m["served_model_name"])
        self.assertEqual(m["max_model_len"], {"flag": "--max_seq_len"})
        self.assertEqual(m["port"], {"flag": "--port"})

    def test_memory_fractions_that_mean_something_else_say_so(self):
        trt = self.built["trtllm-main-029e223d.json"]["mapping"]["serving"]["gpu_memory_utilization"]
        self.assertEqual(trt["flag"], "--kv_cache_free_gpu_memory_fraction")
        self.assertIn("after the weights", trt["warn"])
        self.assertEqual(trt["yaml"], "kv_cache_config.free_gpu_memory_fraction")  # the YAML's section replaces the option's
        self.assertIn("note", self.built["sglang-v0.5.6.json"]["mapping"]["serving"]["gpu_memory_utilization"])
        self.assertEqual(self.built["vllm-v0.11.0.json"]["mapping"]["serving"]["gpu_memory_utilization"], {"flag": "--gpu-memory-utilization"})


class DeploymentTest(unittest.TestCase):
    """mapping.deployment: the multi-node options only where the version's parser has them."""

    @classmethod
    def setUpClass(cls):
        with contextlib.redirect_stderr(io.StringIO()):
            cls.built = gen_profiles.build()

    def test_every_deployment_option_is_a_flag_of_that_version(self):
        for name, p in self.built.items():
            for field, entry in p["mapping"]["deployment"]["options"].items():
                if "flag" in entry:
                    self.assertIn(entry["flag"], p["flags"], f"{name} {field}")
                    self.assertIsNot(p["flags"][entry["flag"]].get("portable"), False, f"{name} {field}")
                else:
                    self.assertTrue(entry["unsupported"], f"{name} {field}")

    def test_vllm_before_native_multi_node_has_no_node_rank(self):
        old = self.built["vllm-v0.11.0.json"]["mapping"]["deployment"]["options"]
        self.assertEqual(old["nnodes"]["unsupported"], "vLLM v0.11.0 has no --nnodes option")
        self.assertEqual(old["dp_size_local"], {"flag": "--data-parallel-size-local"})
        new = self.built["vllm-main-2026-08-21.json"]["mapping"]["deployment"]["options"]
        self.assertEqual(new["node_rank"], {"flag": "--node-rank"})

    def test_trtllm_takes_gpus_per_node_as_an_option_and_listens_on_loopback(self):
        d = self.built["trtllm-main-029e223d.json"]["mapping"]["deployment"]
        self.assertEqual(d["options"]["gpus_per_node"], {"flag": "--gpus_per_node"})
        self.assertEqual(d["options"]["host"]["listen_all"], "0.0.0.0")  # trtllm-serve's default host is localhost
        self.assertEqual(d["launchers"]["mpi"]["wrapper"], ["trtllm-llmapi-launch"])
        self.assertEqual(d["gpu_count"]["factors"], ["tp", "pp"])
        self.assertEqual(d["image"]["tag"], "1.3.0")

    def test_a_missing_gpus_per_node_option_points_to_the_yaml(self):
        flags = {"--host": {"type": "str", "default": "localhost"}}
        m = gen_profiles.deploy_options("TensorRT-LLM x", flags, gen_profiles.DEPLOY_TRTLLM, ["gpus_per_node"])
        self.assertIn("YAML", m["gpus_per_node"]["suggestion"])

    def test_image_tag_follows_the_release_and_partial_profiles_have_none(self):
        self.assertEqual(self.built["vllm-main-2026-08-21.json"]["mapping"]["deployment"]["image"]["tag"], "v0.29.0")
        self.assertEqual(self.built["sglang-v0.5.18.json"]["mapping"]["deployment"]["image"]["tag"], "v0.5.18")
        self.assertNotIn("tag", self.built["vllm-partial-v0.29.json"]["mapping"]["deployment"]["image"])
