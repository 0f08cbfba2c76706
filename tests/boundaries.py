"""An import-linter contract import-linter lacks: no package uses another package's private names.

`from app.org.importer import _geometry` in app.admin reaches past org's public face: the name
may change any day without org's engineer knowing someone outside depends on it. Within a
package (app.org.views → app.org.importer._x) a private name is fine. Configured in .importlinter
(`contract_types = private_names: tests.boundaries.PrivateNamesContract`).
"""

import ast
import importlib.util
from dataclasses import dataclass

import grimp
from importlinter import Contract, ContractCheck, fields, output


@dataclass(frozen=True)
class Use:
    importer: str
    imported: str
    name: str
    line: int

    def __str__(self) -> str:
        return f"{self.importer} -> {self.imported}.{self.name} (l.{self.line})"


def _package(module: str) -> str:
    return ".".join(module.split(".")[:2])


def _private(name: str) -> bool:
    return name.startswith("_") and not name.startswith("__")


def private_uses(module: str) -> list[Use]:
    """Private names of other packages that `module` imports or reads off a module it imported."""
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.origin or not spec.origin.endswith(".py"):
        return []
    with open(spec.origin, encoding="utf-8") as f:
        tree = ast.parse(f.read())
    root = module.split(".")[0] + "."
    uses: list[Use] = []
    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith(root):
            if _package(node.module) == _package(module):
                continue
            for a in node.names:
                if _private(a.name):
                    uses.append(Use(module, node.module, a.name, node.lineno))
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith(root) and _package(a.name) != _package(module):
                    aliases[a.asname or a.name] = a.name
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Attribute)
            and isinstance(node.value, ast.Name)
            and node.value.id in aliases
            and _private(node.attr)
        ):
            uses.append(Use(module, aliases[node.value.id], node.attr, node.lineno))
    return uses


class PrivateNamesContract(Contract):
    """No module uses a private name (_x) of a package other than its own."""

    type_name = "private_names"
    # "app.admin.views -> app.org.importer._geometry": a known use, with who removes it.
    ignore_names = fields.ListField(subfield=fields.StringField(), required=False)

    def check(self, graph: grimp.ImportGraph, verbose: bool) -> ContractCheck:
        ignored = set(self.ignore_names or [])  # type: ignore[attr-defined]
        found = [u for m in sorted(graph.modules) for u in private_uses(m)]
        seen = {f"{u.importer} -> {u.imported}.{u.name}" for u in found}
        broken = [u for u in found if f"{u.importer} -> {u.imported}.{u.name}" not in ignored]
        stale = sorted(ignored - seen)
        return ContractCheck(
            kept=not broken and not stale,
            metadata={"broken": [str(u) for u in broken], "stale": stale},
        )

    def render_broken_contract(self, check: ContractCheck) -> None:
        for line in check.metadata["broken"]:
            output.print_error(f"- {line}", bold=False)
        for line in check.metadata["stale"]:
            output.print_error(f"- ignored but no longer used (remove it): {line}", bold=False)
        output.new_line()
