"""The README's CLI reference, generated from the command definitions so it cannot drift.

``python -m wikiwire.clidoc`` prints it; tests/test_clidoc.py checks the README holds it.
"""

from __future__ import annotations

from typing import Any

import typer

from wikiwire.cli import app


# typer vendors its own click, so parameters are duck-typed by their click kind name.
def _param_line(param: Any) -> str:
    if param.param_type_name == "argument":
        name = (param.metavar or param.name).upper()
        many = "..." if param.nargs == -1 else ""
        help_text = getattr(param, "help", None) or ""
        return f"- `{name}{many}`: {help_text}".rstrip()
    names = " / ".join(f"`{o}`" for o in (*param.opts, *param.secondary_opts))
    default = ""
    if not param.is_flag and param.default not in (None, (), []) and param.show_default is not False:
        default = f" (default: `{param.default}`)"
    return f"- {names}: {param.help or ''}{default}"


def reference() -> str:
    """Markdown describing every command, argument and option of ``wikiwire``."""
    root: Any = typer.main.get_command(app)  # a group: wikiwire has subcommands
    lines: list[str] = []
    for name in sorted(root.commands):
        command = root.commands[name]
        lines.append(f"### `wikiwire {name}`")
        lines.append("")
        lines.append((command.help or "").strip().splitlines()[0])
        lines.append("")
        lines.extend(_param_line(p) for p in command.params if p.name != "help")
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"


if __name__ == "__main__":
    print(reference(), end="")
