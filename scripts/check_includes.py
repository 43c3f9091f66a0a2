#!/usr/bin/env python3
"""The include rules of docs/architecture.md, checked on every #include "..." line.

Modules and the only directions they may depend on (a module may always include itself):

    internal  <- everyone                  (src/internal/: the kit, never installed)
    model <- graph <- catalog <- solver     (the domain)
    model <- json <- io <- views, cli, capi (formats at the edge)

`catalog/` and `solver/` never include `io/` or the JSON layer. A public header
(include/backbalance/...) includes only public headers, the standard library, Abseil
(not its containers) and Boost; the catalog, model and planner headers never reach
Boost.Graph, directly or through another public header (graph/constraint_graph.h may: a
Boost.Graph view of the catalog is part of the API). A private header (src/<module>/x.h)
belongs to its module: no other module includes it, except the kit's and those listed
in EXPORTED.

Prints one line per violation, `<file>:<line>: <rule>: <detail>`, and exits 1 if any.
Usage: check_includes.py [REPO_ROOT]
"""
import pathlib
import re
import sys

# What each module may include besides itself and the kit.
ALLOWED = {
    "internal": {"model"},
    "model": set(),
    "graph": {"model"},
    "catalog": {"model", "graph"},
    "solver": {"model", "graph", "catalog"},
    "json": {"model"},
    "io": {"model", "graph", "catalog", "solver", "json"},
    "views": {"model", "graph", "catalog", "solver", "json", "io"},
    "cli": {"model", "graph", "catalog", "solver", "json", "io", "views"},
    "capi": {"model", "graph", "catalog", "solver", "json", "io", "views"},
}
# Private headers a module offers to the modules above it inside the library (never
# installed): the compiled catalog is the solver's view of a catalog; the catalog's
# validation is what LoadCatalog runs when its reader already found problems.
EXPORTED = {
    "catalog/compiled_catalog.h": {"solver"},
    "catalog/catalog_validation.h": {"io"},
}
# Public header directories that must not reach Boost.Graph.
NO_BOOST_GRAPH = ("backbalance/catalog/", "backbalance/model/", "backbalance/solver/")
GRAPH_HEADER = "backbalance/graph/constraint_graph.h"
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def module_of_public(name):
    """backbalance/<module>/x.h -> module (None for backbalance/backbalance.h)."""
    parts = name.split("/")
    return parts[1] if len(parts) >= 3 else None


def includes(path):
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        m = INCLUDE.match(line)
        if m:
            yield number, m.group(1)


def main():
    root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
    src, inc = root / "src", root / "include"
    problems = []

    def report(path, number, rule, detail):
        problems.append(f"{path.relative_to(root)}:{number}: {rule}: {detail}")

    def check_direction(path, number, module, target_module, target):
        if target_module in (module, "internal", None):
            return
        if target_module not in ALLOWED.get(module, set()):
            report(path, number, "direction",
                   f"{module} may not include {target_module} ({target})")

    # Public headers: what they include, and the public include graph for Boost.Graph.
    public_edges = {}
    for path in sorted(inc.rglob("*.h")):
        name = str(path.relative_to(inc))
        module = module_of_public(name)
        public_edges[name] = []
        for number, target in includes(path):
            if target.startswith("backbalance/"):
                if not (inc / target).is_file():
                    report(path, number, "public", f"no public header {target}")
                    continue
                public_edges[name].append((number, target))
                if module:
                    check_direction(path, number, module, module_of_public(target), target)
            elif target.startswith("absl/container/"):
                report(path, number, "public", f"a public header includes Abseil's containers ({target})")
            elif target.startswith(("absl/", "boost/")):
                if target.startswith("boost/graph/"):
                    public_edges[name].append((number, "boost/graph"))
            else:
                report(path, number, "public", f"a public header includes a private header ({target})")

    def reaches_boost_graph(name, seen):
        for _, target in public_edges.get(name, []):
            if target == "boost/graph" or target == GRAPH_HEADER:
                return True
            if target not in seen:
                seen.add(target)
                if reaches_boost_graph(target, seen):
                    return True
        return False

    for name, edges in sorted(public_edges.items()):
        if name.startswith(NO_BOOST_GRAPH):
            for number, target in edges:
                if target == "boost/graph" or target == GRAPH_HEADER or reaches_boost_graph(target, {target}):
                    report(inc / name, number, "boost-graph",
                           f"{name} pulls Boost.Graph through {target}")

    # Sources and private headers.
    for path in sorted(list(src.rglob("*.h")) + list(src.rglob("*.cc"))):
        rel = path.relative_to(src)
        module = rel.parts[0] if len(rel.parts) > 1 else None
        if module not in ALLOWED:
            continue
        for number, target in includes(path):
            if target.startswith("backbalance/"):
                check_direction(path, number, module, module_of_public(target), target)
            elif (src / target).is_file():
                target_module = pathlib.PurePath(target).parts[0]
                if target_module not in (module, "internal") and module not in EXPORTED.get(target, ()):
                    report(path, number, "private",
                           f"{module} includes {target_module}'s private header {target}")
                check_direction(path, number, module, target_module, target)

    for line in problems:
        print(line)
    print(f"check_includes: {len(problems)} violation(s)")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
