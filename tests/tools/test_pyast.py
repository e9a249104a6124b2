"""Tests of the shared static evaluator (tools/enginefacts/pyast.py) on source written in the tests.

The engine readers' own tests (test_vllm_facts.py, test_sglang_facts.py) cover it through whole
fixture trees; these pin the evaluator features that only one reader needed when both used their
own evaluator. Run from the repository root:
    python3 -m unittest discover -s tests/tools -t .
"""
import textwrap
import unittest

from tools.enginefacts import pyast
from tools.enginefacts.pyast import SetValue, Unresolvable


class DictTree:
    """A SourceTree stand-in: path -> text."""

    def __init__(self, files):
        self.files = {p: textwrap.dedent(t) for p, t in files.items()}
        self.read = []

    def exists(self, path):
        return path in self.files

    def text(self, path):
        self.read.append(path)
        return self.files[path]


def evaluator(files, roots=("",)):
    mods = pyast.Modules(DictTree(files), roots=roots)
    return pyast.Evaluator(mods)


def value_of(ev, module, name):
    return ev.name(module, name)


class ImportRoots(unittest.TestCase):
    def test_packages_under_a_root_folder(self):
        ev = evaluator({"python/pkg/__init__.py": "",
                        "python/pkg/a.py": "from pkg.b import X\n",
                        "python/pkg/b.py": "X = ['x']\n"}, roots=("python",))
        self.assertEqual(value_of(ev, "pkg.a", "X"), ["x"])
        self.assertEqual(ev.mods.path_of("pkg.b"), "python/pkg/b.py")
        self.assertEqual(ev.mods.parsed(), ["pkg.a", "pkg.b"])


class Sets(unittest.TestCase):
    def setUp(self):
        self.ev = evaluator({"m.py": """
            S = {"b", "a", "b"}
            F = frozenset(["x", "y", "x"])
            U = S | {"c", "a"}
            C = {x for x in ["q", "q", "r"]}
        """})

    def test_set_values_are_marked_and_deduplicated(self):
        for name, want in (("S", ["b", "a"]), ("F", ["x", "y"]), ("U", ["b", "a", "c"]), ("C", ["q", "r"])):
            v = value_of(self.ev, "m", name)
            self.assertIsInstance(v, SetValue, name)
            self.assertEqual(v, want, name)


class ModuleLevelChanges(unittest.TestCase):
    SRC = """
        import os
        CHOICES = ["a"]
        CHOICES.append("b")
        add_choices = CHOICES.extend
        add_choices(["c", "d"])
        CHOICES += ["e"]
        TAGS = {"x"}
        TAGS.add("x")
        TAGS.add("y")
        if os.environ.get("EXTRA"):
            CHOICES.append("z")
            add_choices(["zz"])
        try:
            import fancy
        except ImportError:
            TAGS.add("slow")
        OTHER = ["o"]
        OTHER.append(os.getcwd())
    """

    def setUp(self):
        self.ev = evaluator({"m.py": self.SRC})

    def test_unconditional_changes_are_applied_in_order(self):
        self.assertEqual(value_of(self.ev, "m", "CHOICES"), ["a", "b", "c", "d", "e"])
        self.assertEqual(value_of(self.ev, "m", "TAGS"), ["x", "y"])

    def test_conditional_changes_are_reported_not_applied(self):
        _, conditional = self.ev.mods.mutations("m")
        self.assertEqual(conditional, {"CHOICES": ["'z'", "['zz']"], "TAGS": ["'slow'"]})

    def test_a_change_that_is_not_static_makes_the_value_unknown(self):
        v = value_of(self.ev, "m", "OTHER")
        self.assertIsInstance(v, pyast.Unknown)
        self.assertEqual(v.expr, "OTHER.append(os.getcwd())")

    def test_changes_before_the_assignment_do_not_count(self):
        ev = evaluator({"m.py": "X = ['a']\nX.append('b')\nX = ['c']\n"})
        self.assertEqual(value_of(ev, "m", "X"), ["c"])


class SelfReference(unittest.TestCase):
    def test_name_on_the_right_is_the_binding_above(self):
        ev = evaluator({"m.py": """
            B = frozenset({"alpha", "beta"})
            B = B | {"gamma"}
            N = ["n"]
            N = N + ["m"]
        """})
        self.assertEqual(value_of(ev, "m", "B"), ["alpha", "beta", "gamma"])
        self.assertEqual(value_of(ev, "m", "N"), ["n", "m"])


class Comprehensions(unittest.TestCase):
    def setUp(self):
        self.ev = evaluator({"m.py": """
            import enum
            class Mode(enum.Enum):
                FULL = "full"
                OFF = "off"
            D = {"a": 1, "b": 2}
            VALUES = [m.value for m in Mode]
            KEYS = [k for k, v in D.items() if v > 0 or True]
            PAIRS = [k + str(v) for k, v in D.items()]
            INV = {v: k for k, v in D.items()}
        """})

    def test_over_an_enum_class(self):
        self.assertEqual(value_of(self.ev, "m", "VALUES"), ["full", "off"])

    def test_tuple_targets(self):
        self.assertEqual(value_of(self.ev, "m", "PAIRS"), ["a1", "b2"])

    def test_dict_comprehension(self):
        self.assertEqual(value_of(self.ev, "m", "INV"), {1: "a", 2: "b"})


class StrictValue(unittest.TestCase):
    def setUp(self):
        self.ev = evaluator({"m.py": """
            from elsewhere import thing
            OK = ["a", "b"]
            PART = ["a", thing]
            CALL = compute(1)
        """})

    def value(self, name):
        return self.ev.value(pyast.ast.Name(name), "m")

    def test_known_values_are_returned(self):
        self.assertEqual(self.value("OK"), ["a", "b"])

    def test_unknown_parts_raise_with_their_source(self):
        with self.assertRaises(Unresolvable) as e:
            self.value("PART")
        self.assertEqual(e.exception.expr, "thing")
        with self.assertRaises(Unresolvable) as e:
            self.value("CALL")
        self.assertEqual(e.exception.expr, "compute(1)")


if __name__ == "__main__":
    unittest.main()
