"""The counselor page's HTML and CSV (plain functions: data in, text out; no JavaScript, nothing from a CDN).

Every page is server-rendered HTML with native links, forms and tables, so it
works with the keyboard and a screen reader and at phone width; the chart is an
SVG drawn here, with the same numbers in a table beside it.
"""

from __future__ import annotations

import csv
import io
import time
from html import escape
from typing import Iterable, List, Optional, Sequence, Tuple
from urllib.parse import urlencode

from bot.counselor.stats import Overview, Period
from bot.counselor.store import Conversation, Line
from bot.safety.handoffs import Record

STYLE = """
:root { color-scheme: light; --ink: #1d2733; --muted: #4b5a6a; --line: #d5dde5; --accent: #0b5cad; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, sans-serif; color: var(--ink); background: #f6f8fa; }
header, main, footer { max-width: 1100px; margin: 0 auto; padding: 0 16px; }
header { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: center; justify-content: space-between; }
h1 { font-size: 1.5rem; margin: 16px 0 8px; } h2 { font-size: 1.2rem; margin: 0 0 8px; }
section { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 16px; margin: 16px 0; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(150px, 1fr)); gap: 12px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.card strong { display: block; font-size: 1.6rem; }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
a { color: var(--accent); } a:focus, button:focus, input:focus { outline: 3px solid #f0a500; outline-offset: 2px; }
button, input { font: inherit; padding: 8px 12px; min-height: 44px; }
button { background: var(--accent); color: #fff; border: 0; border-radius: 6px; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); border: 1px solid var(--accent); }
button.danger { background: #a12a2a; }
form.inline { display: inline; }
.period { display: flex; flex-wrap: wrap; gap: 8px; align-items: end; }
.period label { display: flex; flex-direction: column; font-size: 0.9rem; color: var(--muted); }
.muted { color: var(--muted); } .error { color: #a12a2a; font-weight: bold; }
.skip { position: absolute; left: -999px; } .skip:focus { left: 8px; top: 8px; background: #fff; padding: 8px; }
.chat p { margin: 4px 0 12px; padding: 8px 12px; border-radius: 8px; white-space: pre-wrap; max-width: 46rem; }
.chat .student { background: #e6f0fa; } .chat .bot { background: #f0f2f4; }
.chat .who { display: block; font-size: 0.8rem; color: var(--muted); }
svg text { font: 11px system-ui, sans-serif; fill: var(--muted); }
@media (max-width: 600px) { body { font-size: 15px; } section { padding: 12px; } }
"""


def when(timestamp: float) -> str:
    """Local date and time, to the minute."""
    return time.strftime("%Y-%m-%d %H:%M", time.localtime(timestamp))


def page(title: str, body: str, signed_in: Optional[str] = None) -> str:
    """A whole page; ``signed_in`` is the form token when a counselor is signed in (shows sign-out)."""
    sign_out = (
        f'<form class="inline" method="post" action="/counselor/logout">{_token(signed_in)}'
        '<button class="secondary" type="submit">Sign out</button></form>' if signed_in else ""
    )
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta name="robots" content="noindex"><title>{escape(title)}: Career bot counselor page</title>'
        f"<style>{STYLE}</style></head><body>"
        '<a class="skip" href="#main">Skip to the content</a>'
        f'<header><p><a href="/counselor">Counselor page</a></p>{sign_out}</header>'
        f'<main id="main">{body}</main></body></html>'
    )


def _token(csrf: Optional[str]) -> str:
    return f'<input type="hidden" name="token" value="{escape(csrf or "")}">'


def login(message: str = "", status_class: str = "error") -> str:
    """The sign-in form."""
    note = f'<p class="{status_class}" role="alert">{escape(message)}</p>' if message else ""
    return page("Sign in", (
        "<h1>Counselor sign-in</h1>"
        '<section><form method="post" action="/counselor/login">'
        f"{note}"
        '<p><label for="password">Password</label><br>'
        '<input id="password" name="password" type="password" autocomplete="current-password" required autofocus>'
        '</p><p><button type="submit">Sign in</button></p></form>'
        '<p class="muted">The password is the server\'s CAREERBOT_COUNSELOR_PASSWORD; ask whoever runs the bot.</p>'
        "</section>"
    ))


def _table(caption: str, headers: Sequence[str], rows: Iterable[Sequence[str]], numeric: Sequence[int] = (),
           empty: str = "Nothing in this period.", raw: Sequence[int] = ()) -> str:
    """A table with a caption; cells are escaped except the columns in ``raw`` (already HTML)."""
    head = "".join(f'<th scope="col"{" class=n" if i in numeric else ""}>{escape(h)}</th>'
                   for i, h in enumerate(headers))
    body = "".join(
        "<tr>" + "".join(f'<td{" class=n" if i in numeric else ""}>{cell if i in raw else escape(cell)}</td>'
                         for i, cell in enumerate(row)) + "</tr>"
        for row in rows
    )
    if not body:
        body = f'<tr><td colspan="{len(headers)}" class="muted">{escape(empty)}</td></tr>'
    return (f'<div class="table"><table><caption class="muted">{escape(caption)}</caption>'
            f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div>")


def _query(period: Period) -> str:
    return urlencode({"from": period.first.isoformat(), "to": period.last.isoformat()})


def _csv_link(name: str, period: Period, what: str) -> str:
    return f'<p><a href="/counselor/{name}.csv?{_query(period)}" download>Download {escape(what)} (CSV)</a></p>'


def chart(days: Sequence[Tuple[object, int, int]]) -> str:
    """Student messages per day as SVG bars (each with its number), labelled for screen readers."""
    width, height, top, bottom = 720, 200, 16, 28
    peak = max([messages for _, _, messages in days] + [1])
    step = width / max(1, len(days))
    bar = max(2.0, step * 0.7)
    total = sum(messages for _, _, messages in days)
    parts = []
    for index, (day, _, messages) in enumerate(days):
        h = (height - top - bottom) * messages / peak
        x = index * step + (step - bar) / 2
        y = height - bottom - h
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="#0b5cad">'
                     f"<title>{day}: {messages} messages</title></rect>")
        if len(days) <= 31:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{y - 3:.1f}" text-anchor="middle">{messages}</text>')
        if len(days) <= 14 or index % max(1, len(days) // 7) == 0:
            label = str(day)[5:]
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 10}" text-anchor="middle">{label}</text>')
    first, last = (days[0][0], days[-1][0]) if days else ("", "")
    label = f"Student messages per day from {first} to {last}: {total} in all; the table below has each day."
    return (f'<svg viewBox="0 0 {width} {height}" width="100%" role="img" aria-label="{escape(label)}" '
            f'preserveAspectRatio="none" style="max-height:220px">{"".join(parts)}</svg>')


def _conversation_link(conversation_id: str) -> str:
    return f'<a href="/counselor/conversation?{urlencode({"id": conversation_id})}">{escape(conversation_id)}</a>'


def dashboard(overview: Overview, conversations: Sequence[Conversation], waiting: Sequence[Record], csrf: str,
              retention_days: int, notice: str = "") -> str:
    """The main page for a period."""
    period = overview.period
    known = [c for c in overview.careers if c.known]
    note = f'<p role="status" class="muted">{escape(notice)}</p>' if notice else ""
    body = [
        "<h1>What students ask</h1>", note,
        '<form class="period" method="get" action="/counselor" aria-label="Period">'
        f'<label for="from">From<input id="from" type="date" name="from" value="{period.first}"></label>'
        f'<label for="to">To<input id="to" type="date" name="to" value="{period.last}"></label>'
        '<button type="submit">Show</button></form>'
        f'<p class="muted">Conversations are kept {retention_days} days, so nothing older shows. '
        "Counselors' own conversation tests are not counted. Personal details were masked before they were stored.</p>",
        '<div class="cards" role="list">'
        + "".join(f'<div class="card" role="listitem"><strong>{value}</strong>{escape(label)}</div>'
                  for value, label in [
            (overview.conversations, "conversations"), (overview.messages, "student messages"),
            (overview.unanswered_count, "messages not answered"), (overview.plans_started, "plans started"),
            (overview.plans_finished, "plans finished"), (len(waiting), "handoffs and crisis flags waiting")])
        + "</div>",
        '<section aria-labelledby="waiting-h" id="waiting"><h2 id="waiting-h">Waiting for a counselor</h2>'
        + _waiting(waiting, csrf) + _csv_link("waiting", period, "the waiting list") + "</section>",
        '<section aria-labelledby="days-h"><h2 id="days-h">Conversations and messages per day</h2>'
        + chart(overview.days)
        + _table("Per day", ["Day", "Conversations", "Student messages"],
                 [(str(d), str(c), str(m)) for d, c, m in overview.days], numeric=(1, 2))
        + _csv_link("days", period, "the days") + "</section>",
        '<section aria-labelledby="unanswered-h" id="unanswered"><h2 id="unanswered-h">Messages the bot couldn\'t '
        "answer</h2>"
        + _table("Newest first" + (f" (the newest {len(overview.unanswered)} of {overview.unanswered_count})"
                                   if overview.unanswered_count > len(overview.unanswered) else ""),
                 ["When", "Message", "Why", "Conversation"],
                 [(when(u.timestamp), u.text, u.reason, _conversation_link(u.conversation_id))
                  for u in overview.unanswered], raw=(3,))
        + _csv_link("unanswered", period, "the unanswered messages") + "</section>",
        '<section aria-labelledby="wanted-h" id="wanted"><h2 id="wanted-h">Careers asked about that the bot doesn\'t '
        "have yet</h2><p class=\"muted\">Most asked first: what to add next (<code>make add-career</code>).</p>"
        + _table("Careers not in the bot", ["Career", "Conversations", "Messages"],
                 [(c.name, str(c.conversations), str(c.messages)) for c in overview.careers_not_known], numeric=(1, 2))
        + _csv_link("careers", period, "all careers asked about") + "</section>",
        '<section aria-labelledby="careers-h"><h2 id="careers-h">Careers the bot has, by questions asked</h2>'
        + _table("Careers in the bot", ["Career", "Conversations", "Messages"],
                 [(c.name, str(c.conversations), str(c.messages)) for c in known], numeric=(1, 2)) + "</section>",
        '<section aria-labelledby="topics-h"><h2 id="topics-h">Topics asked</h2>'
        + _table("Career questions by topic", ["Topic", "Messages"], [(t, str(n)) for t, n in overview.topics],
                 numeric=(1,))
        + _table("Every message by what the bot did", ["What the bot did", "Messages"],
                 [(k, str(n)) for k, n in overview.kinds], numeric=(1,))
        + _csv_link("topics", period, "the topics") + "</section>",
        '<section aria-labelledby="channels-h"><h2 id="channels-h">Channels</h2>'
        + _table("Where students chatted", ["Channel", "Conversations", "Student messages"],
                 [(name, str(c), str(m)) for name, c, m in overview.channels], numeric=(1, 2))
        + _csv_link("channels", period, "the channels") + "</section>",
        '<section aria-labelledby="conversations-h" id="conversations"><h2 id="conversations-h">Conversations</h2>'
        + _table(f"Most recently active first (up to {len(conversations) if conversations else 0} shown)",
                 ["Conversation", "Channel", "Last active", "Student messages", "First message"],
                 [(_conversation_link(c.conversation_id), c.channel, when(c.last_active), str(c.messages),
                   c.first_message) for c in conversations], numeric=(3,), raw=(0,))
        + _csv_link("conversations", period, "the conversations") + "</section>",
    ]
    return page("What students ask", "".join(body), signed_in=csrf)


def _waiting(records: Sequence[Record], csrf: str) -> str:
    if not records:
        return '<p class="muted">Nothing waiting.</p>'
    rows = []
    for record in records:
        what = "Crisis flag" + (" (danger now)" if record.danger_now else "") if record.kind == "crisis" \
            else "Handoff: student asked for a counselor"
        details = "; ".join(part for part in [
            ("careers: " + ", ".join(record.careers)) if record.careers else "",
            ("topics: " + ", ".join(record.topics)) if record.topics else "",
            ("plan answers: " + ", ".join(f"{k}: {v}" for k, v in record.pathway.items())) if record.pathway else "",
        ] if part)
        last = "<br>".join(escape(m) for m in record.last_messages[-3:])
        button = (f'<form class="inline" method="post" action="/counselor/waiting/seen">{_token(csrf)}'
                  f'<input type="hidden" name="id" value="{record.id}">'
                  f'<button type="submit" class="secondary" aria-label="Mark {escape(record.code)} as seen">'
                  "Mark as seen</button></form>")
        rows.append((when(record.created_at), escape(what), escape(record.code), escape(details), last,
                     _conversation_link(record.conversation_id), button))
    return _table("Oldest first", ["When", "What", "Code", "Asked about", "Last messages", "Conversation", ""],
                  rows, raw=(0, 1, 2, 3, 4, 5, 6))


def conversation(conversation_id: str, lines: Sequence[Line], csrf: str, notice: str = "") -> str:
    """The conversation viewer, with Save as test and Forget."""
    query = urlencode({"id": conversation_id})
    note = f'<p role="status">{notice}</p>' if notice else ""
    if lines:
        chat = "".join(
            f'<p class="{line.speaker}"><span class="who">{"Student" if line.speaker == "student" else "Bot"}, '
            f"{when(line.timestamp)}</span>{escape(line.text)}"
            + (f'<span class="who">Buttons: {escape(", ".join(line.buttons))}</span>' if line.buttons else "")
            + "</p>"
            for line in lines)
        actions = (f'<p><a href="/counselor/conversation/save?{query}">Save as test</a> · '
                   f'<a href="/counselor/conversation/forget?{query}">Forget this conversation</a></p>')
    else:
        chat, actions = '<p class="muted">No messages are stored for this conversation.</p>', ""
    body = (f"<h1>Conversation {escape(conversation_id)}</h1>{note}{actions}"
            f'<section aria-label="Messages" class="chat">{chat}</section>'
            '<p><a href="/counselor">Back to the counselor page</a></p>')
    return page(f"Conversation {conversation_id}", body, signed_in=csrf)


def confirm(action: str, conversation_id: str, csrf: str) -> str:
    """Ask before saving a test or forgetting a conversation."""
    if action == "save":
        title, text, button, css = ("Save as test", "Save this conversation as a conversation test in "
                                    "tests/conversations/? You can edit the file afterwards.", "Save as test", "")
    else:
        title, text, button, css = ("Forget this conversation", "Delete this conversation from the store for good, "
                                    "with its handoffs and crisis flags? This cannot be undone.",
                                    "Forget it", "danger")
    back = f'/counselor/conversation?{urlencode({"id": conversation_id})}'
    body = (f"<h1>{escape(title)}</h1><section><p>Conversation <strong>{escape(conversation_id)}</strong></p>"
            f"<p>{escape(text)}</p>"
            f'<form method="post" action="/counselor/conversation/{action}">{_token(csrf)}'
            f'<input type="hidden" name="id" value="{escape(conversation_id)}">'
            f'<button type="submit" class="{css}">{escape(button)}</button> <a href="{back}">Cancel</a></form>'
            "</section>")
    return page(title, body, signed_in=csrf)


def message(title: str, text: str, csrf: Optional[str], back: str = "/counselor") -> str:
    """A short result page."""
    return page(title, f'<h1>{escape(title)}</h1><section><p role="status">{escape(text)}</p>'
                       f'<p><a href="{escape(back)}">Back</a></p></section>', signed_in=csrf)


def to_csv(headers: Sequence[str], rows: Iterable[Sequence[object]]) -> bytes:
    """CSV with a header row; cells that a spreadsheet would run as a formula are quoted with a leading '."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(headers)
    for row in rows:
        writer.writerow([_cell(value) for value in row])
    return out.getvalue().encode("utf-8")


def _cell(value: object) -> str:
    text = str(value)
    return "'" + text if text[:1] in {"=", "+", "-", "@", "\t", "\r"} else text


# The tables made from the period's counts (``Overview``); "conversations" and "waiting" have their own.
OVERVIEW_TABLES = ("days", "channels", "topics", "careers", "unanswered")


def overview_csv(name: str, overview: Overview) -> bytes:
    """One of the tables of counts (OVERVIEW_TABLES) as CSV."""
    tables: dict = {
        "days": (["day", "conversations", "student_messages"], [(d, c, m) for d, c, m in overview.days]),
        "channels": (["channel", "conversations", "student_messages"], overview.channels),
        "topics": (["topic", "messages"], overview.topics),
        "careers": (["career", "in_bot", "conversations", "messages"],
                    [(c.name, "yes" if c.known else "no", c.conversations, c.messages) for c in overview.careers]),
        "unanswered": (["time", "message", "reason", "conversation_id"],
                       [(when(u.timestamp), u.text, u.reason, u.conversation_id) for u in overview.unanswered]),
    }
    headers, rows = tables[name]
    return to_csv(headers, rows)


def conversations_csv(conversations: Sequence[Conversation]) -> bytes:
    """The conversations table as CSV."""
    return to_csv(["conversation_id", "channel", "last_active", "student_messages", "first_message"],
                  [(c.conversation_id, c.channel, when(c.last_active), c.messages, c.first_message)
                   for c in conversations])


def waiting_csv(waiting: Sequence[Record]) -> bytes:
    """The handoffs and crisis flags waiting, as CSV."""
    return to_csv(["time", "kind", "code", "conversation_id", "careers", "topics", "danger_now"],
                  [(when(r.created_at), r.kind, r.code, r.conversation_id, "; ".join(r.careers),
                    "; ".join(r.topics), "yes" if r.danger_now else "no") for r in waiting])


def csv_names() -> List[str]:
    """The tables that can be downloaded."""
    return [*OVERVIEW_TABLES, "conversations", "waiting"]
