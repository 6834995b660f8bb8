"""Reports of a conversation run: text for the terminal, one self-contained HTML page.

Both say, per conversation, pass or fail; for a failure, the file and line of
the turn, what the student did, what was expected and what the bot actually
said (with its buttons). The HTML page has no scripts and loads nothing from
elsewhere, so it can be mailed or opened offline.
"""

from __future__ import annotations

import hashlib
import html
import textwrap
import time
from pathlib import Path
from typing import Dict, List, Tuple

from bot.conversations.format import display_path
from bot.conversations.runner import ConversationResult, RunResult, TurnResult
from bot.paths import KNOWLEDGE_DIR


def status_line(result: ConversationResult) -> str:
    """Return 'PASS  title  (file)' for the progress list."""
    word = "PASS" if result.passed else "FAIL"
    return f"  {word}  {result.conversation.title}  ({display_path(result.conversation.path)})"


def _indent(text: str, prefix: str) -> str:
    return textwrap.indent(text, prefix, lambda line: True)


def _wrap(text: str, width: int = 100) -> str:
    return "\n".join(textwrap.fill(line, width) if line.strip() else line for line in text.splitlines())


def failure_details(result: ConversationResult) -> str:
    """Explain what went wrong in a failed conversation, for a counselor."""
    conversation = result.conversation
    lines = [f"FAIL  {conversation.title}", f"      {conversation.location}"]
    if conversation.comment:
        lines.append(f"      Why this test exists: {conversation.comment}")
    turn = result.failed_turn
    if turn is not None:
        number = result.turns.index(turn) + 1
        lines.append(f"      Turn {number} (line {turn.turn.line}): {turn.turn.describe()}")
        for problem in turn.problems:
            lines.append(f"        ✗ {problem}")
        for check in turn.passed_checks:
            lines.append(f"        ✓ {check}")
        if turn.sent is not None:
            lines.append("      The bot said:")
            lines.append(_indent(_wrap(turn.reply_text) or "(nothing)", "        | "))
            if turn.buttons:
                lines.append("      Buttons offered: " + ", ".join(b.title for b in turn.buttons))
    elif result.error:
        lines.append(f"      {result.error}")
    if result.turns_not_run:
        lines.append(f"      ({result.turns_not_run} later turn(s) not run)")
    return "\n".join(lines)


def knowledge_versions(folder: Path = KNOWLEDGE_DIR) -> List[Tuple[str, str, str]]:
    """(file, short hash of its content, last changed) of every knowledge file: what a report ran against."""
    rows = []
    for path in sorted(folder.rglob("*.yml")):
        digest = hashlib.sha256(path.read_bytes()).hexdigest()[:10]
        changed = time.strftime("%Y-%m-%d %H:%M", time.localtime(path.stat().st_mtime))
        rows.append((str(path.relative_to(folder)), digest, changed))
    return rows


def _knowledge_html() -> str:
    rows = knowledge_versions()
    items = "".join(f"<li><code>{_e(name)}</code> {_e(digest)} · changed {_e(changed)}</li>"
                    for name, digest, changed in rows)
    return (f"<details><summary>Knowledge files this run checked against ({len(rows)}, from "
            f"<code>{_e(display_path(KNOWLEDGE_DIR))}</code>)</summary><ul class=\"checks\">{items}</ul></details>")


def summary_line(run: RunResult) -> str:
    """Summarise a run: '31 of 32 conversations passed, 1 failed.'."""
    total = len(run.results)
    failed = len(run.failed)
    broken = f" {len(run.broken)} problem(s) in files that could not be read: fix them." if run.broken else ""
    if not total:
        return "No conversations were run." + broken
    if not failed:
        return ("The conversation passed." if total == 1 else f"All {total} conversations passed.") + broken
    return f"{total - failed} of {total} conversations passed, {failed} failed." + broken


def render_text(run: RunResult) -> str:
    """Render the whole report as text (failures in detail, then the summary)."""
    parts: List[str] = []
    if run.broken:
        parts.append("Files that could not be read (their conversations did not run):\n")
        parts += [f"  {problem}" for problem in run.broken] + [""]
    if run.failed:
        parts.append("Failures:\n")
        parts += [failure_details(result) + "\n" for result in run.failed]
    parts.append(summary_line(run))
    return "\n".join(parts)


_CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; margin: 0 auto; max-width: 60rem;
       padding: 1rem 1.5rem 3rem; color: #1d2329; background: #fafbfc; line-height: 1.45; }
h1 { margin-bottom: .2rem; } h2 { margin-top: 2rem; font-size: 1.1rem; color: #3d4852; }
.meta { color: #5b6670; margin-top: 0; }
.summary { padding: .8rem 1rem; border-radius: .5rem; font-size: 1.15rem; font-weight: 600; }
.summary.ok { background: #e3f6e8; color: #135c2c; } .summary.bad { background: #fde8e8; color: #8a1c1c; }
details { background: #fff; border: 1px solid #d8dee4; border-radius: .5rem; margin: .5rem 0; }
details.fail { border-color: #e5a3a3; }
summary { cursor: pointer; padding: .6rem .8rem; font-weight: 600; }
.badge { display: inline-block; min-width: 3rem; text-align: center; border-radius: .3rem; padding: .05rem .4rem;
         margin-right: .5rem; font-size: .8rem; color: #fff; }
.badge.pass { background: #2e8b4e; } .badge.fail { background: #c0392b; }
.body { padding: 0 1rem 1rem; }
.where { color: #5b6670; font-size: .9rem; } .why { font-style: italic; color: #3d4852; }
.turn { border-left: 4px solid #d8dee4; margin: .8rem 0; padding: .2rem 0 .2rem .8rem; }
.turn.bad { border-left-color: #c0392b; background: #fff6f6; } .turn.notrun { color: #8a949e; }
.student { font-weight: 600; } .label { color: #5b6670; font-size: .85rem; }
.bot { white-space: pre-wrap; background: #eef3f8; border-radius: .4rem; padding: .5rem .7rem; margin: .3rem 0; }
.button { display: inline-block; border: 1px solid #7a8fa6; border-radius: 1rem; padding: 0 .6rem; margin: .15rem;
          font-size: .85rem; background: #fff; }
ul.checks { list-style: none; padding-left: 0; margin: .3rem 0; }
li.ok::before { content: "✓ "; color: #2e8b4e; font-weight: 700; }
li.bad { color: #8a1c1c; font-weight: 600; } li.bad::before { content: "✗ "; }
ol.failed a { color: #8a1c1c; }
"""


def _e(text: object) -> str:
    return html.escape(str(text), quote=True)


def _anchor(index: int) -> str:
    return f"c{index}"


def _turn_html(number: int, turn: TurnResult) -> str:
    what = (
        f'<span class="label">Student clicks</span> <span class="button">{_e(turn.turn.click)}</span>'
        if turn.turn.click is not None
        else f'<span class="label">Student:</span> <span class="student">{_e(turn.turn.student)}</span>'
    )
    parts = [f'<div class="turn{"" if turn.passed else " bad"}">',
             f'<div><span class="label">Turn {number} · line {turn.turn.line}</span></div>', f"<div>{what}</div>"]
    if turn.sent is not None:
        said = _e(turn.reply_text) or "<em>(nothing)</em>"
        parts.append(f'<div class="label">Bot:</div><div class="bot">{said}</div>')
        if turn.buttons:
            chips = "".join(f'<span class="button">{_e(b.title)}</span>' for b in turn.buttons)
            parts.append(f"<div>{chips}</div>")
    checks = [f'<li class="bad">{_e(p)}</li>' for p in turn.problems] + [
        f'<li class="ok">{_e(c)}</li>' for c in turn.passed_checks
    ]
    if checks:
        parts.append('<ul class="checks">' + "".join(checks) + "</ul>")
    parts.append("</div>")
    return "".join(parts)


def _conversation_html(index: int, result: ConversationResult) -> str:
    conversation = result.conversation
    word = "pass" if result.passed else "fail"
    parts = [
        f'<details id="{_anchor(index)}" class="{word}"{"" if result.passed else " open"}>',
        f'<summary><span class="badge {word}">{word.upper()}</span>{_e(conversation.title)}</summary>',
        '<div class="body">',
        f'<div class="where">{_e(conversation.location)}</div>',
    ]
    if conversation.comment:
        parts.append(f'<p class="why">Why this test exists: {_e(conversation.comment)}</p>')
    if result.error:
        parts.append(f'<p class="turn bad">{_e(result.error)}</p>')
    for number, turn in enumerate(result.turns, start=1):
        parts.append(_turn_html(number, turn))
    for number, skipped in enumerate(conversation.turns[len(result.turns):], start=len(result.turns) + 1):
        parts.append(
            f'<div class="turn notrun"><span class="label">Turn {number} · line {skipped.line} · not run</span>'
            f"<div>{_e(skipped.describe())}</div></div>"
        )
    parts.append("</div></details>")
    return "".join(parts)


def render_html(run: RunResult) -> str:
    """Render the report as one HTML page with inline styles and no external assets."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(run.started))
    ok = run.passed
    body: List[str] = [
        "<h1>Conversation tests</h1>",
        f'<p class="meta">Run {when} · {len(run.results)} conversations from {run.files} file(s) · '
        f"bot at {_e(run.bot_url)} · {run.seconds:.0f} s</p>",
        f'<p class="summary {"ok" if ok else "bad"}">{_e(summary_line(run))}</p>',
    ]
    if run.broken:
        body.append("<h2>Files that could not be read (failed: their conversations did not run)</h2><ul>")
        body += [f'<li class="bad">{_e(problem)}</li>' for problem in run.broken]
        body.append("</ul>")
    body.append(_knowledge_html())
    indexed = list(enumerate(run.results))
    if run.failed:
        body.append("<h2>Failed</h2><ol class=\"failed\">")
        body += [
            f'<li><a href="#{_anchor(i)}">{_e(r.conversation.title)}</a> '
            f'<span class="where">({_e(r.conversation.location)})</span></li>'
            for i, r in indexed
            if not r.passed
        ]
        body.append("</ol>")
    by_file: Dict[str, List[str]] = {}
    for index, result in indexed:
        by_file.setdefault(display_path(result.conversation.path), []).append(_conversation_html(index, result))
    for path, sections in by_file.items():
        body.append(f"<h2>{_e(path)}</h2>")
        body += sections
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Conversation tests: {_e(summary_line(run))}</title><style>{_CSS}</style></head>"
        f"<body>{''.join(body)}</body></html>\n"
    )


def write_html(run: RunResult, path: Path) -> Path:
    """Write the HTML report (creating its folder); return the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render_html(run), encoding="utf-8")
    return path
