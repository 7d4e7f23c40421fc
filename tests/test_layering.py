"""Layers import only downward; each third-party package lives in one or two modules."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "graph"

# lower number = lower layer; a module may import only modules of its own layer or below
LAYERS: dict[str, int] = {
    "errors": 0,
    "types": 0,
    "atomic": 1,
    "fingerprint": 1,
    "resources": 1,
    "vocab": 1,
    "encoding": 2,
    "ingest": 2,
    "segment": 2,
    "stream": 2,
    "mentions": 3,
    "elision": 4,
    "linking": 4,
    "relations": 5,
    "model": 6,
    "resolve": 6,
    "traditional": 6,
    "export": 7,
    "store": 8,
    "terms": 8,
    "query": 9,
    "validate": 9,
    "view": 10,
    "publish": 10,
    "parallel": 11,
    "pipeline": 11,
    "server": 12,
    "cli": 13,
    "__main__": 14,
    "__init__": 0,
}
THIRD_PARTY_LIMIT = 2
TRACKED = {
    "jieba",
    "rdflib",
    "pyvis",
    "pyoxigraph",
    "pyshacl",
    "pycrfsuite",
    "opencc",
    "click",
    "charset_normalizer",
    "dask",
    "networkx",
    "numpy",
    "rjieba",
}
ALLOWED_EXTRA = {"networkx": 6, "rdflib": 8}  # modules allowed to import these packages


def modules() -> list[Path]:
    return [p for p in PACKAGE.rglob("*.py")]


def layer_of(path: Path) -> tuple[str, int]:
    rel = path.relative_to(PACKAGE).parts
    top = rel[0].removesuffix(".py")
    return top, LAYERS[top]


def imports(path: Path) -> list[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            out += [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            out.append(node.module)
    return out


def test_every_module_has_a_layer() -> None:
    for path in modules():
        top = path.relative_to(PACKAGE).parts[0].removesuffix(".py")
        assert top in LAYERS, f"{path} is not assigned a layer in tests/test_layering.py"


def test_layers_import_only_downward() -> None:
    bad = []
    for path in modules():
        top, level = layer_of(path)
        for name in imports(path):
            if name.startswith("graph.") and name != "graph":
                target = name.split(".")[1]
                if target in LAYERS and LAYERS[target] > level and target != top:
                    bad.append(f"{path.relative_to(PACKAGE)} imports {name}")
    assert not bad, "\n".join(bad)


def test_third_party_packages_are_confined() -> None:
    users: dict[str, set[str]] = defaultdict(set)
    for path in modules():
        for name in imports(path):
            root = name.split(".")[0]
            if root in TRACKED:
                users[root].add(str(path.relative_to(PACKAGE)))
    limits = {pkg: ALLOWED_EXTRA.get(pkg, THIRD_PARTY_LIMIT) for pkg in TRACKED}
    bad = {pkg: sorted(mods) for pkg, mods in users.items() if len(mods) > limits[pkg]}
    assert not bad, bad
