"""Turn the raw benchmark results (bench/out/results.json) into bench/results.md and a latency plot.

``python -m bench.report [results.json]`` re-renders both from saved raw results.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

BENCH_DIR = Path(__file__).resolve().parent
GB = 1e9

Results = Dict[str, Any]


# --- Formatting helpers -----------------------------------------------------------------


def secs2(seconds: Optional[float]) -> str:
    """Seconds with two decimals."""
    return "–" if seconds is None else f"{seconds:.2f} s"


def ms(seconds: Optional[float]) -> str:
    """Seconds as milliseconds for the table."""
    return "–" if seconds is None else f"{seconds * 1000:.0f} ms"


def secs(seconds: Optional[float]) -> str:
    """Seconds, one decimal."""
    return "–" if seconds is None else f"{seconds:.1f} s"


def gb(value_bytes: Optional[float]) -> str:
    """Bytes as decimal gigabytes."""
    return "–" if value_bytes is None else f"{value_bytes / GB:.2f} GB"


def pct(part: int, whole: int) -> str:
    """Format a share as a percentage with one decimal."""
    return "–" if not whole else f"{100.0 * part / whole:.1f}%"


def ratio(ours: Optional[float], stock: Optional[float]) -> Optional[float]:
    """Return ours ÷ stock, None if either is missing."""
    if ours is None or stock is None or stock == 0:
        return None
    return ours / stock


def times(value: Optional[float]) -> str:
    """Format a ratio as '0.42×'."""
    return "n/a" if value is None else f"{value:.2f}×"


def verdict(ok: Optional[bool]) -> str:
    """Pass/fail cell."""
    return "n/a" if ok is None else ("**pass**" if ok else "**FAIL**")


def table(header: Sequence[str], rows: Sequence[Sequence[Any]]) -> List[str]:
    """Render a Markdown table."""
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    lines += ["| " + " | ".join(str(cell) for cell in row) + " |" for row in rows]
    return lines


def level(results: Results, bot: str, clients: int) -> Optional[Dict[str, Any]]:
    """Find the load result of one bot at one concurrency level."""
    for entry in (results.get(bot) or {}).get("load", []):
        if entry["clients"] == clients:
            return entry
    return None


def stat(results: Results, bot: str, clients: int, key: str) -> Optional[float]:
    """Look up one number (p50, p95, throughput, ...) of one bot at one concurrency level."""
    entry = level(results, bot, clients)
    value = entry.get(key) if entry else None
    return None if value is None else float(value)


def scope_totals(results: Results) -> Tuple[int, int, int, int]:
    """Sum (requests, treated as out of scope, of which small talk, leaked figures) over the CLINC files."""
    total = oos = talk = figures = 0
    for entry in results.get("scope") or []:
        counts = entry["counts"]
        total += sum(counts.values())
        oos += entry["out_of_scope"]
        talk += counts.get("small_talk", 0)
        figures += counts.get("figures", 0)
    return total, oos, talk, figures


def accuracy_totals(results: Results) -> Tuple[int, int]:
    """(items, correct) of the held-out set."""
    items = (results.get("accuracy") or {}).get("items") or []
    return len(items), sum(1 for item in items if item["passed"])


def safety_totals(results: Results) -> Dict[str, Tuple[int, int]]:
    """(got the crisis reply, sent) per crisis set, and the false-alarm total over CLINC150 + career questions."""
    totals: Dict[str, Tuple[int, int]] = {}
    false_hits = false_total = 0
    for entry in ((results.get("safety") or {}).get("crisis") or []):
        totals[entry["name"]] = (entry["crisis_replies"], entry["total"])
        if entry["name"].startswith("CLINC150") or entry["name"] == "career questions":
            false_hits += entry["crisis_replies"]
            false_total += entry["total"]
    totals["false alarms"] = (false_hits, false_total)
    return totals


# --- Targets ----------------------------------------------------------------------------------


def targets(results: Results) -> List[Tuple[str, str, Optional[bool]]]:
    """(target, measured, pass) for every target of the issue."""
    rows: List[Tuple[str, str, Optional[bool]]] = []
    items, correct = accuracy_totals(results)
    rows.append(("Answer accuracy ≥ 97% (held-out set)", f"{pct(correct, items)} ({correct}/{items})",
                 (correct / items >= 0.97) if items else None))
    if items:
        from bench.leaks import find_leaks

        leaks = find_leaks((results.get("accuracy") or {}).get("items") or [])
        rows.append(("0 cross-career leaks (held-out replies showing a figure of a career not named)",
                     f"{len(leaks)}" + (f": {'; '.join(leaks[:3])}" if leaks else ""), not leaks))
    honest = (results.get("honest") or {}).get("items") or []
    if honest:
        right = sum(1 for item in honest if item["passed"])
        rows.append(("Honest answers (held-out set) ≥ 95% right", f"{pct(right, len(honest))} ({right}/{len(honest)})",
                     right / len(honest) >= 0.95))
        yes = false_yes(honest)
        rows.append(("0 replies that start with \"Yes\" for a fact no file states", f"{len(yes)}"
                     + (f": {'; '.join(yes[:3])}" if yes else ""), not yes))
    total, oos, talk, figures = scope_totals(results)
    rows.append(("≥ 90% of CLINC150 requests treated as out of scope",
                 f"{pct(oos, total)} ({oos}/{total}; {talk} of them small talk; {figures} leaked a figure)",
                 (oos / total >= 0.90) if total else None))
    if results.get("safety"):
        safety = safety_totals(results)
        caught, sent = safety.get("crisis (held out)", (0, 0))
        rows.append(("Crisis messages (held out) get the crisis reply ≥ 98%", f"{pct(caught, sent)} ({caught}/{sent})",
                     (caught / sent >= 0.98) if sent else None))
        false_hits, false_total = safety["false alarms"]
        rows.append(("CLINC150 + career questions get the crisis reply ≤ 0.5%",
                     f"{pct(false_hits, false_total)} ({false_hits}/{false_total})",
                     (false_hits / false_total <= 0.005) if false_total else None))
        masking = results["safety"]["masking"]
        rows.append(("Personal details (held out) masked ≥ 98%",
                     f"{pct(masking['details_masked'], masking['details_total'])} "
                     f"({masking['details_masked']}/{masking['details_total']})",
                     (masking["details_masked"] / masking["details_total"] >= 0.98)
                     if masking["details_total"] else None))
        rows.append(("Career questions masked wrongly ≤ 0.5%",
                     f"{pct(masking['masked_wrongly'], masking['negatives_total'])} "
                     f"({masking['masked_wrongly']}/{masking['negatives_total']})",
                     (masking["masked_wrongly"] / masking["negatives_total"] <= 0.005)
                     if masking["negatives_total"] else None))
    many = results.get("many")
    if many:
        ours = results.get("ours") or {}
        p50_ours, p50_many = stat(results, "ours", 1, "p50"), stat(results, "many", 1, "p50")
        r = ratio(p50_many, p50_ours)
        rows.append((f"{many['careers']} careers: p50 latency, 1 student ≤ 1.2× the 25-career figure",
                     f"{ms(p50_many)} vs {ms(p50_ours)} = {times(r)}", None if r is None else r <= 1.2))
        r = ratio(many.get("startup_seconds"), ours.get("startup_seconds"))
        rows.append((f"{many['careers']} careers: start-up ≤ 1.2× the 25-career figure",
                     f"{secs(many.get('startup_seconds'))} vs {secs(ours.get('startup_seconds'))} = {times(r)}",
                     None if r is None else r <= 1.2))
        rss_many = (many.get("memory_bytes") or {}).get("rasa server")
        rss_ours = (ours.get("memory_bytes") or {}).get("rasa server")
        grew = None if rss_many is None or rss_ours is None else rss_many - rss_ours
        rows.append((f"{many['careers']} careers: Rasa server RSS ≤ +100 MB",
                     "–" if grew is None else f"{gb(rss_many)} vs {gb(rss_ours)} ({grew / 1e6:+.0f} MB)",
                     None if grew is None else grew <= 100e6))
        rows.append((f"{many['careers']} careers: training does not grow",
                     f"`python -m bot train` with {many['careers']} careers took {secs(many.get('train_seconds'))} "
                     "(knowledge files are not training input: nothing retrained)",
                     None if many.get("train_seconds") is None else many["train_seconds"] < 30))
    measured = (results.get("counselor") or {}).get("measured") or {}
    page = measured.get("timings", {}).get("page, last 30 days")
    if page:
        rows.append((f"Counselor page answers ≤ 1 s with {measured['conversations']:,} stored conversations",
                     f"30-day view: median {secs2(page['median'])}, slowest {secs2(page['max'])} "
                     "(the 7-day default and 1,000 chats below)", page["max"] <= 1.0))
    one_ours, one_stock = stat(results, "ours", 1, "p50"), stat(results, "stock", 1, "p50")
    r = ratio(one_ours, one_stock)
    rows.append(("p50 latency, 1 student ≤ 0.5× stock", f"{ms(one_ours)} vs {ms(one_stock)} = {times(r)}",
                 None if r is None else r <= 0.5))
    ten_ours, ten_stock = level(results, "ours", 10), level(results, "stock", 10)
    r = ratio(stat(results, "ours", 10, "throughput"), stat(results, "stock", 10, "throughput"))
    rows.append(("Throughput, 10 students ≥ 2.5× stock",
                 f"{_tps(ten_ours)} vs {_tps(ten_stock)} = {times(r)}", None if r is None else r >= 2.5))
    p95_ours, p95_stock = stat(results, "ours", 10, "p95"), stat(results, "stock", 10, "p95")
    r = ratio(p95_ours, p95_stock)
    rows.append(("p95 latency, 10 students ≤ 0.5× stock", f"{ms(p95_ours)} vs {ms(p95_stock)} = {times(r)}",
                 None if r is None else r <= 0.5))
    fifty = level(results, "ours", 50)
    rows.append(("0 errors with 50 concurrent students",
                 "–" if fifty is None else f"{fifty['errors']} errors in {fifty['turns']} turns",
                 None if fifty is None else fifty["errors"] == 0))
    ours, stock = results.get("ours") or {}, results.get("stock") or {}
    r = ratio(ours.get("startup_seconds"), stock.get("startup_seconds"))
    rows.append(("Start-up (launch → first answer) ≤ 0.5× stock",
                 f"{secs(ours.get('startup_seconds'))} vs {secs(stock.get('startup_seconds'))} = {times(r)}",
                 None if r is None else r <= 0.5))
    rss = (ours.get("memory_bytes") or {}).get("rasa server")
    rows.append(("Rasa server peak RSS ≤ 1 GB", gb(rss), None if rss is None else rss <= GB))
    training = (results.get("training") or {}).get("ours")
    rows.append(("Training from scratch ≤ 3 min (2 cores)", secs(training and training["seconds"]),
                 None if training is None else training["seconds"] <= 180))
    rows.append(("Unchanged data → no retraining",
                 "–" if training is None else (
                     f"{'retrained' if training['retrained_when_unchanged'] else 'not retrained'}; "
                     f"`python -m bot train` took {secs(training['unchanged_seconds'])}"),
                 None if training is None else not training["retrained_when_unchanged"]))
    return rows


def _tps(entry: Optional[Dict[str, Any]]) -> str:
    return "–" if entry is None else f"{entry['throughput']:.1f} turns/s"


# --- Sections ------------------------------------------------------------------------------------


def false_yes(items: Sequence[Dict[str, Any]]) -> List[str]:
    """The student messages whose reply started with a "Yes" it must not start with."""
    return [turn["say"] for item in items for turn in item["turns"]
            if any(p.startswith("must not start with") and "yes" in p.lower() for p in turn["problems"])]


def honest_section(results: Results) -> List[str]:
    """The honest-answers set (issue 19): by class, and the failed items."""
    items = (results.get("honest") or {}).get("items") or []
    if not items:
        return []
    classes: Dict[str, List[int]] = {}
    for item in items:
        entry = classes.setdefault(item["topic"], [0, 0])
        entry[0] += 1
        entry[1] += int(item["passed"])
    right = sum(e[1] for e in classes.values())
    lines = [
        "## Honest answers (held-out set, over REST)",
        "",
        f"{len(items)} items from `bench/honest-answers.yml` (issue 19: no false \"Yes\", wrong premises corrected, "
        "figures explained, worries heard, words explained, other languages, plan questions), written from the issue "
        "and the knowledge files before the mechanisms were built; never trained on.",
        "",
        *table(["class", "items", "right", "share"],
                    [(name, total, ok, pct(ok, total)) for name, (total, ok) in classes.items()]
                    + [("**overall**", len(items), right, f"**{pct(right, len(items))}**")]),
        "",
    ]
    failed = [item for item in items if not item["passed"]]
    if failed:
        lines += ["Failed items:", "", *table(["item", "first failing turn"],
                                                   [(i["id"], _cell(i["first_problem"])) for i in failed]), ""]
    return lines


def accuracy_section(results: Results) -> List[str]:
    """Per-topic accuracy and the failed items."""
    accuracy = results.get("accuracy")
    if not accuracy:
        return []
    items = accuracy["items"]
    questions_file = results.get("meta", {}).get("questions_file", "bench/questions.yml")
    topics: Dict[str, List[int]] = {}
    for item in items:
        counts = topics.setdefault(item["topic"], [0, 0])
        counts[0] += 1
        counts[1] += int(item["passed"])
    rows = [(topic, n, ok, pct(ok, n)) for topic, (n, ok) in topics.items()]
    total, correct = accuracy_totals(results)
    rows.append(("**overall**", total, correct, f"**{pct(correct, total)}**"))
    turns = sum(len(item["turns"]) for item in items)
    lines = [
        "## Answer accuracy (held-out set, over REST)",
        "",
        f"{total} items ({turns} student turns) from `{questions_file}`, written for the benchmark without "
        "looking at the training data (a test checks none is in `data/nlu`). An item counts as correct only if every "
        "turn's reply contains all its required facts and none of its forbidden ones (other careers, off-topic and "
        "unknown details must never show this career's figures).",
        "",
        *table(["topic", "items", "correct", "accuracy"], rows),
        "",
    ]
    failed = [item for item in items if not item["passed"]]
    if failed:
        lines += ["Failed items:", ""]
        lines += table(["item", "first failing turn"], [(f["id"], _cell(f["first_problem"])) for f in failed])
        lines.append("")
    return lines


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


SCOPE_COLUMNS = (
    ("scope", "scope message"), ("fallback", "fallback"), ("other_career", "unknown career"),
    ("unknown_detail", "unknown-detail"), ("small_talk", "small talk"), ("career_answer", "career answer"),
    ("figures", "figures leaked"), ("error", "no reply"),
)


def scope_section(results: Results) -> List[str]:
    """How CLINC150 requests were answered, by reply class."""
    scope = results.get("scope")
    if not scope:
        return []
    rows = []
    for entry in scope:
        counts = entry["counts"]
        n = sum(counts.values())
        rows.append([f"`{entry['name']}`", n, *[counts.get(key, 0) for key, _ in SCOPE_COLUMNS],
                     pct(entry["strict_out_of_scope"], n), pct(entry["out_of_scope"], n)])
    total, oos, talk, _ = scope_totals(results)
    rows.append(["**all**", total, *[sum(e["counts"].get(k, 0) for e in scope) for k, _ in SCOPE_COLUMNS],
                 pct(oos - talk, total), f"**{pct(oos, total)}**"])
    lines = [
        "## Out-of-scope handling (CLINC150 test requests, never trained on)",
        "",
        "Each request is a new conversation. A reply counts as *out of scope* when it contains none of the career's "
        "figures ($107,560 / 15,300 / 2 percent) and is the scope message, the fallback, the unknown-career message or "
        "the unknown-detail message (recognised by their texts in `domain.yml` and `bot/answers/templates.yml`: "
        "\"I don't have information about <career> yet\", \"Sorry, I don't know that\"); small-talk replies "
        "(help, greeting, bot challenge, goodbye, thanks, affirm/deny, \"ask me about a topic first\") also give no "
        "career answer and are counted as out of scope but shown separately. *Career answer* = the bot answered as "
        "if it were a question about the career (without a figure).",
        "",
        *table(["file", "requests", *[label for _, label in SCOPE_COLUMNS], "out of scope w/o small talk",
                "treated as out of scope"], rows),
        "",
    ]
    wrong = [(e["name"], req, rep) for e in scope for kind in ("career_answer", "figures", "error")
             for req, rep in e["examples"].get(kind, [])[:3]]
    if wrong:
        lines += ["Examples treated as career questions:", ""]
        lines += table(["file", "request", "reply (start)"], [(f"`{n}`", _cell(q), _cell(a)) for n, q, a in wrong])
        lines.append("")
    return lines


def safety_section(results: Results) -> List[str]:
    """Crisis replies per set (by kind for the crisis set) and masking, with misses and false alarms shown."""
    safety = results.get("safety")
    if not safety:
        return []
    lines = ["## Safety", "",
             "Each message is a new conversation over REST; a crisis reply is `utter_crisis` or "
             "`utter_crisis_concern` (the crisis lines, 911 and the counseling office). The crisis and not-crisis "
             "sets and the personal-details sets in `bench/safety/` were written from the issue text only and are "
             "never trained on; the `dev-*` sets are earlier held-out sets, read and fixed against since, "
             "reported as development sets (bench/safety.py).", ""]
    rows = []
    for entry in safety.get("crisis") or []:
        kinds = ", ".join(f"{k} {c}/{t}" for k, (c, t) in sorted(entry["by_kind"].items()) if k != "all")
        got = f"{entry['crisis_replies']}/{entry['total']} ({pct(entry['crisis_replies'], entry['total'])})"
        rows.append((entry["name"], got, kinds or "–", _cell("; ".join(entry["examples"][:5])) or "–"))
    lines += table(["set", "got the crisis reply", "by kind", "misses / false alarms (first 5)"], rows)
    masking = safety.get("masking") or {}
    lines += ["", f"Masking (the channel guard's `bot.safety.personal_details.mask`): "
                  f"{masking.get('details_masked')}/{masking.get('details_total')} held-out messages with personal "
                  f"details fully masked; {masking.get('masked_wrongly')}/{masking.get('negatives_total')} career "
                  "questions and tricky non-details (held-out set plus every question-set message) changed. "
                  f"Development sets: {masking.get('dev_details_masked')}/{masking.get('dev_details_total')} masked, "
                  f"{masking.get('dev_masked_wrongly')}/{masking.get('dev_negatives_total')} changed wrongly.", ""]
    if masking.get("missed"):
        lines += ["Not fully masked: " + _cell("; ".join(masking["missed"][:5])), ""]
    if masking.get("wrongly"):
        lines += ["Masked wrongly: " + _cell("; ".join(f"{a} → {b}" for a, b in masking["wrongly"][:5])), ""]
    return lines


def latency_section(results: Results) -> List[str]:
    """p50/p95/p99, throughput and errors per concurrency level, with ratios to the stock bot."""
    rows = []
    levels = sorted({e["clients"] for bot in ("ours", "stock") for e in (results.get(bot) or {}).get("load", [])})
    for clients in levels:
        for bot, label in (("ours", "ours (with action server)"), ("stock", "stock `rasa init` (no action server)")):
            entry = level(results, bot, clients)
            if entry is None:
                continue
            if bot == "ours":
                ratios = [times(ratio(entry[k], stat(results, "stock", clients, k)))
                          for k in ("p50", "p95", "p99", "throughput")]
            else:
                ratios = ["1×"] * 4
            rows.append([clients, label, entry["turns"], entry["errors"], entry["wrong"], ms(entry["p50"]),
                         ms(entry["p95"]), ms(entry["p99"]), f"{entry['throughput']:.1f}", *ratios])
    if not rows:
        return []
    return [
        "## Latency per REST turn",
        "",
        "Closed loop: each simulated student has its own conversation and sends its next question as soon as the "
        "reply arrives. Our bot gets career questions that run custom actions (so every turn includes the action "
        "server hop and the SQLite tracker store); the stock bot gets its own small talk (\"hello\", \"I am sad\", "
        "\"bye\", …: it has no action server and keeps conversations in memory). *errors* = no HTTP 200, an empty "
        "reply or the technical-problem apology; *wrong* = a reply without the expected fact. Ratios are ours ÷ stock "
        "at the same concurrency. The load generator runs on the same machine.",
        "",
        *table(["students", "bot", "turns", "errors", "wrong", "p50", "p95", "p99", "turns/s",
                "p50 ratio", "p95 ratio", "p99 ratio", "throughput ratio"], rows),
        "",
        *_cpu_per_turn(results),
        "![Latency distribution](latency.png)",
        "",
    ]


def _cpu_per_turn(results: Results) -> List[str]:
    """Server CPU per turn during the load: independent of how busy the machine was."""
    parts = []
    for bot in ("ours", "stock"):
        cpu = (results.get(bot) or {}).get("cpu_seconds_per_turn")
        if cpu:
            parts.append(f"{bot}: " + ", ".join(f"{role} {value * 1000:.0f} ms" for role, value in cpu.items()))
    if not parts:
        return []
    return ["Server CPU time per turn during the load (all levels; does not depend on how busy the machine was): "
            + "; ".join(parts) + ".", ""]


def resources_section(results: Results) -> List[str]:
    """Start-up, memory and training, side by side."""
    ours, stock = results.get("ours") or {}, results.get("stock") or {}
    training = results.get("training") or {}
    t_ours, t_stock = training.get("ours"), training.get("stock")
    mem_ours, mem_stock = ours.get("memory_bytes") or {}, stock.get("memory_bytes") or {}
    rows = [
        ("Start-up: launch → first answer", secs(ours.get("startup_seconds")), secs(stock.get("startup_seconds")),
         times(ratio(ours.get("startup_seconds"), stock.get("startup_seconds")))),
        ("CPU time used until the first answer (all its processes)", secs(ours.get("startup_cpu_seconds")),
         secs(stock.get("startup_cpu_seconds")),
         times(ratio(ours.get("startup_cpu_seconds"), stock.get("startup_cpu_seconds")))),
        ("Peak RSS, Rasa server (after the load)", gb(mem_ours.get("rasa server")), gb(mem_stock.get("rasa server")),
         times(ratio(mem_ours.get("rasa server"), mem_stock.get("rasa server")))),
        ("Peak RSS, action server (after the load)", gb(mem_ours.get("action server")), "none (no custom actions)",
         "n/a"),
        ("Training from scratch", secs(t_ours and t_ours["seconds"]), secs(t_stock and t_stock["seconds"]),
         times(ratio(t_ours and t_ours["seconds"], t_stock and t_stock["seconds"]))),
        ("CPU time of training from scratch", secs(t_ours and t_ours.get("cpu_seconds")),
         secs(t_stock and t_stock.get("cpu_seconds")),
         times(ratio(t_ours and t_ours.get("cpu_seconds"), t_stock and t_stock.get("cpu_seconds")))),
        ("Training again, data unchanged",
         _unchanged(t_ours, "retrained_when_unchanged", "retrained!", "no training, model untouched"),
         _unchanged(t_stock, "new_model_when_unchanged", "packs a new model from its cache", "no new model"),
         times(ratio(t_ours and t_ours["unchanged_seconds"], t_stock and t_stock["unchanged_seconds"]))),
    ]
    lines = [
        "## Start-up, memory, training",
        "",
        *table(["measure", "ours", "stock `rasa init`", "ratio"], rows),
        "",
        "Start-up: ours is `python -m bot run` (what `make run` runs: checks the knowledge file and the model "
        "fingerprint, starts the action server and the Rasa server); stock is `rasa run --model …`; both until the "
        "first REST reply with the expected text. Peak RSS is VmHWM from `/proc/<pid>/status` of the server process "
        "and its children. Training: ours is `python -m bot train` in a fresh copy of the project (builds the spaCy "
        "pipeline, then `rasa train --force`) with an empty `RASA_CACHE_DIRECTORY`; stock is `rasa init --no-prompt` "
        "(which trains) with an empty cache. GB = 10⁹ bytes.",
        "",
    ]
    return lines


def _unchanged(training: Optional[Dict[str, Any]], flag: str, if_set: str, if_not: str) -> str:
    if not training:
        return "–"
    return f"{secs(training['unchanged_seconds'])} ({if_set if training[flag] else if_not})"


def _busy_note(meta: Dict[str, Any]) -> str:
    """Warn when other work was running (a load average above a quarter of the cores before the run)."""
    load, cpus = meta.get("load_average_before") or [], meta.get("cpus") or 1
    if not load or max(load) <= cpus / 4:
        return ""
    return ("Other work was running on this shared machine during the run, so wall-clock times are slower than on an "
            "idle machine; the CPU-time figures are less affected. ")


def render(results: Results) -> str:
    """Render the whole results.md."""
    meta = results.get("meta", {})
    load = meta.get("load_average_before") or []
    after = meta.get("load_average_after") or []
    lines = [
        "# Benchmark results",
        "",
        f"Generated by `make bench` ({meta.get('command', 'python -m bench.run')}) on {meta.get('date', '?')}, "
        f"commit `{meta.get('commit', '?')}`, Rasa {meta.get('rasa_version', '?')}, Python {meta.get('python', '?')}, "
        f"{meta.get('cpus', '?')} CPU cores. One run; absolute times vary between machines, so timings are also given "
        "as ratios to a stock `rasa init` bot measured in the same run.",
        "",
        f"Machine load average (1/5/15 min) before the run: {' / '.join(f'{x:.2f}' for x in load) or '?'}; "
        f"after: {' / '.join(f'{x:.2f}' for x in after) or '?'}. {_busy_note(meta)}{meta.get('load_note', '')}",
        "",
        "## Targets",
        "",
        *table(["target", "measured", "result"], [(t, _cell(m), verdict(ok)) for t, m, ok in targets(results)]),
        "",
        *accuracy_section(results),
        *honest_section(results),
        *scope_section(results),
        *safety_section(results),
        *latency_section(results),
        *resources_section(results),
        *counselor_section(results),
    ]
    return "\n".join(lines).rstrip() + "\n"


def counselor_section(results: Results) -> List[str]:
    """The counselor page's response times, 10,000 stored conversations beside 1,000."""
    data = results.get("counselor")
    if not data:
        return []
    base, measured = data["baseline"], data["measured"]
    rows = [(name, f"{secs2(base['timings'][name]['median'])} ({secs2(base['timings'][name]['max'])})",
             f"{secs2(timing['median'])} ({secs2(timing['max'])})", secs2(timing["first"]))
            for name, timing in measured["timings"].items()]
    return [
        "## Counselor page",
        "",
        f"`bench/counselor.py`: a SQLite store filled with conversations shaped like the bot's over the last 30 days "
        f"({base['events']:,} events for {base['conversations']:,} conversations; {measured['events']:,} for "
        f"{measured['conversations']:,}), the real web server, a signed-in session over HTTP; median (slowest) of "
        "5 requests after a first one (which also creates the page's index on the events table).",
        "",
        *table(["request", f"{base['conversations']:,} conversations", f"{measured['conversations']:,} conversations",
                "first request"], rows),
        "",
    ]


def plot(results: Results, path: Path) -> Path:
    """CDF of per-turn latency at each concurrency level, ours vs stock (PNG)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    levels = sorted({e["clients"] for bot in ("ours", "stock") for e in (results.get(bot) or {}).get("load", [])})
    figure, axes = plt.subplots(1, max(1, len(levels)), figsize=(5 * max(1, len(levels)), 4), squeeze=False)
    styles = {"ours": ("ours (with action server)", "tab:blue"), "stock": ("stock rasa init", "tab:orange")}
    for axis, clients in zip(axes[0], levels, strict=False):
        for bot, (label, colour) in styles.items():
            entry = level(results, bot, clients)
            if not entry or not entry["latencies"]:
                continue
            values = sorted(x * 1000 for x in entry["latencies"])
            shares = [(i + 1) / len(values) for i in range(len(values))]
            axis.step(values, shares, where="post", label=f"{label}: p50 {entry['p50'] * 1000:.0f} ms", color=colour)
            for q, style in ((0.5, ":"), (0.95, "--")):
                axis.axvline(entry["p50" if q == 0.5 else "p95"] * 1000, color=colour, linestyle=style, linewidth=0.8)
        axis.set_xscale("log")
        axis.set_title(f"{clients} concurrent student{'s' if clients != 1 else ''}")
        axis.set_xlabel("latency per REST turn (ms, log scale)")
        axis.set_ylabel("share of turns ≤ latency")
        axis.grid(True, which="both", alpha=0.3)
        axis.legend(loc="lower right", fontsize=8)
    figure.suptitle("Latency distribution (CDF); dotted = p50, dashed = p95")
    figure.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    figure.savefig(path, dpi=100)
    plt.close(figure)
    return path


def write(results: Results, results_path: Path, plot_path: Path) -> None:
    """Write results.md and the plot next to it."""
    plot(results, plot_path)
    text = render(results)
    if plot_path.name != "latency.png" or plot_path.parent != results_path.parent:
        text = text.replace("](latency.png)", f"]({plot_path.resolve()})")
    results_path.parent.mkdir(parents=True, exist_ok=True)
    results_path.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else BENCH_DIR / "out" / "results.json"
    data = json.loads(source.read_text(encoding="utf-8"))
    write(data, BENCH_DIR / "results.md", BENCH_DIR / "latency.png")
    print(f"wrote {BENCH_DIR / 'results.md'} and {BENCH_DIR / 'latency.png'}")
