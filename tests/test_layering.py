"""Stages import only downward, nothing imports in a cycle, and each third-party package lives
in one or two modules.  The stage order is read from ``graph.STAGES`` (its one definition)."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

import networkx as nx

from graph import STAGES

PACKAGE = Path(__file__).resolve().parent.parent / "graph"

OUTSIDE_HOME_LIMIT = 2  # modules outside its home stages that may import a package
HOMES = {  # stages built around a package: any of their modules may import it
    "rdflib": {"rdf", "sparql"},
    "pyoxigraph": {"rdf", "sparql"},  # Rust parsers/serialisers for exports, and the store
    "networkx": {"network"},
    "numpy": {"ner"},
}
TRACKED = {
    "jieba",
    "rdflib",
    "pyvis",
    "pyoxigraph",
    "pyshacl",
    "pycrfsuite",
    "opencc",
    "click",
    "tqdm",
    "charset_normalizer",
    "dask",
    "networkx",
    "numpy",
    "rjieba",
}


def module_name(path: Path, root: Path) -> str:
    """``graph.extract.linking`` for ``graph/extract/linking.py`` (packages by their name)."""
    parts = list(path.relative_to(root.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def internal_imports(path: Path, root: Path, known: set[str]) -> set[str]:
    """The package's own modules that ``path`` imports (``from a.b import c`` counts the
    module ``a.b.c`` when it exists, else ``a.b``), type-checking imports included."""
    package = root.name
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [f"{node.module}.{a.name}" for a in node.names] + [node.module]
        for name in names:
            if name.split(".")[0] != package:
                continue
            while name not in known and "." in name:
                name = name.rsplit(".", 1)[0]
            if name in known:
                out.add(name)
                break
    return out


def import_graph(root: Path) -> nx.DiGraph:
    files = {module_name(p, root): p for p in root.rglob("*.py")}
    g = nx.DiGraph()
    g.add_nodes_from(files)
    for name, path in files.items():
        for target in internal_imports(path, root, set(files)):
            if target != name and not name.startswith(target + "."):  # a package's own children
                g.add_edge(name, target)
    return g


def stage_of(module: str, stages: tuple[tuple[str, ...], ...]) -> int | None:
    """The level of a module's stage (None for the package root)."""
    parts = module.split(".")
    if len(parts) == 1:
        return None
    for level, names in enumerate(stages):
        if parts[1] in names:
            return level
    raise AssertionError(f"{module} is in no stage of graph.STAGES")


def layering_problems(root: Path, stages: tuple[tuple[str, ...], ...]) -> list[str]:
    """Every upward import and every import cycle (between modules or between stages)."""
    g = import_graph(root)
    problems = []
    for a, b in g.edges:
        la, lb = stage_of(a, stages), stage_of(b, stages)
        if la is not None and lb is not None and lb > la:
            problems.append(f"upward import: {a} -> {b}")
    problems += [f"module cycle: {' -> '.join(c)}" for c in nx.simple_cycles(g)]
    top = nx.DiGraph()
    top.add_edges_from(
        (a.split(".")[1], b.split(".")[1])
        for a, b in g.edges
        if a.count(".") and b.count(".") and a.split(".")[1] != b.split(".")[1]
    )
    problems += [f"stage cycle: {' -> '.join(c)}" for c in nx.simple_cycles(top)]
    return problems


def test_every_module_has_a_stage() -> None:
    for module in import_graph(PACKAGE):
        stage_of(module, STAGES)


def test_no_upward_import_and_no_cycle() -> None:
    problems = layering_problems(PACKAGE, STAGES)
    assert not problems, "\n".join(problems)


def _plant(root: Path, files: dict[str, str]) -> Path:
    pkg = root / "graph"
    for rel, text in files.items():
        path = pkg / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return pkg


def test_the_check_finds_a_planted_cycle_within_one_stage(tmp_path: Path) -> None:
    pkg = _plant(
        tmp_path,
        {
            "__init__.py": "",
            "extract/__init__.py": "",
            "extract/a.py": "from graph.extract.b import f\n",
            "extract/b.py": "def f():\n    from graph.extract import a\n",
        },
    )
    problems = layering_problems(pkg, STAGES)
    assert any(p.startswith("module cycle") and "graph.extract.a" in p for p in problems)


def test_the_check_finds_a_planted_upward_import_and_stage_cycle(tmp_path: Path) -> None:
    pkg = _plant(
        tmp_path,
        {
            "__init__.py": "",
            "io/__init__.py": "",
            "io/x.py": "import graph.build.y\n",
            "build/__init__.py": "",
            "build/y.py": "from graph.io.x import thing\n",
        },
    )
    problems = layering_problems(pkg, STAGES)
    assert "upward import: graph.io.x -> graph.build.y" in problems
    assert any(p.startswith("stage cycle") for p in problems)
    assert not layering_problems(_plant(tmp_path / "ok", {"__init__.py": ""}), STAGES)


def third_party_imports(path: Path) -> set[str]:
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            out |= {a.name.split(".")[0] for a in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.add(node.module.split(".")[0])
    return out & TRACKED


def test_third_party_packages_are_confined() -> None:
    users: dict[str, set[str]] = defaultdict(set)
    for path in PACKAGE.rglob("*.py"):
        rel = path.relative_to(PACKAGE)
        for root in third_party_imports(path):
            if rel.parts[0] not in HOMES.get(root, set()):
                users[root].add(str(rel))
    bad = {pkg: sorted(mods) for pkg, mods in users.items() if len(mods) > OUTSIDE_HOME_LIMIT}
    assert not bad, bad


def test_at_most_eight_top_level_modules() -> None:
    modules = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert len(modules) <= 8, modules
