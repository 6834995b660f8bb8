"""`make bench`: measure our bot and a stock Rasa bot in one run and write bench/results.md.

Steps (each prints a line; raw results and server logs go to bench/out/):
1. training from scratch (ours in a fresh project copy; stock via ``rasa init``),
   and a second training run on unchanged data;
2. our bot (``python -m bot run``): start-up, held-out accuracy, CLINC150
   out-of-scope handling, safety (crisis replies, masking; bench/safety.py),
   latency at 1/10/50 concurrent students, memory;
3. the stock bot (``rasa run``): start-up, latency at the same levels, memory;
4. bench/results.md (tables, targets with pass/fail) and bench/latency.png.

Smaller runs for development and the smoke test:
``python -m bench.run --items 5 --clinc 5 --levels 1:3,2:3 --no-baseline --no-training --out /tmp/b``.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import yaml

from bench import accuracy, baseline, counselor, figures, questions, report, safety, servers, synthetic, training
from bench.load import LoadResult, run_load, warm_up
from bot.paths import DOMAIN_FILE, ROOT

BENCH_DIR = Path(__file__).resolve().parent
DEFAULT_LEVELS = "1:200,10:30,50:10"


def say(message: str) -> None:
    """Progress line."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", flush=True)


def parse_levels(text: str) -> List[Tuple[int, int]]:
    """'1:200,10:30' → [(1, 200), (10, 30)] (students, turns per student)."""
    levels = []
    for part in text.split(","):
        clients, _, turns = part.strip().partition(":")
        levels.append((int(clients), int(turns or 10)))
    return levels


def technical_problem_text() -> str:
    """Our bot's apology when a turn produced no reply (counted as an error)."""
    with DOMAIN_FILE.open(encoding="utf-8") as handle:
        return str(yaml.safe_load(handle)["responses"]["utter_technical_problem"][0]["text"])


def git_commit() -> str:
    """Short commit id, marked when the worktree has uncommitted changes."""
    try:
        commit = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=ROOT, capture_output=True,
                                text=True, check=True).stdout.strip()
        dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT,
                               capture_output=True, text=True).stdout.strip()
        return commit + ("+uncommitted changes" if dirty else "")
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def meta(args: argparse.Namespace) -> Dict[str, Any]:
    """Facts about this run and machine."""
    from importlib.metadata import version

    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "commit": git_commit(),
        "rasa_version": version("rasa"),
        "python": platform.python_version(),
        "cpus": os.cpu_count(),
        "load_average_before": list(os.getloadavg()),
        "command": "python -m bench.run " + " ".join(sys.argv[1:]) if sys.argv[1:] else "python -m bench.run",
        "levels": args.levels,
        "questions_file": _relative(args.questions),
    }


def _relative(path: Path) -> str:
    """A path relative to the project when it is inside it (for the report)."""
    try:
        return str(Path(path).resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def measure_load(url: str, load_questions: Sequence[questions.LoadQuestion], levels: Sequence[Tuple[int, int]],
                 failure_texts: Sequence[str], label: str) -> List[LoadResult]:
    """Every concurrency level, one after the other."""
    results = []
    for clients, turns in levels:
        result = asyncio.run(run_load(url, load_questions, clients, turns, failure_texts, label=label))
        say(f"  {label}: {clients} students × {turns} turns: p50 {_ms(result.percentile(50))}, "
            f"p95 {_ms(result.percentile(95))}, {result.throughput:.1f} turns/s, {result.errors} errors, "
            f"{result.wrong} wrong")
        results.append(result)
    return results


def _ms(value: Optional[float]) -> str:
    return "–" if value is None else f"{value * 1000:.0f} ms"


def bench_ours(args: argparse.Namespace, qset: questions.QuestionSet, out: Path) -> Dict[str, Any]:
    """Start our bot, measure it, stop it."""
    say("our bot: making sure the model for the current data is trained (python -m bot train)")
    with (out / "ours-train.log").open("w", encoding="utf-8") as log:
        subprocess.run([sys.executable, "-m", "bot", "train"], cwd=ROOT, env=servers.quiet_env(), stdout=log,
                       stderr=subprocess.STDOUT, check=True)
    probe = qset.load[0]
    say("our bot: starting (python -m bot run) and waiting for the first answer")
    bot = servers.launch_ours(out, probe.say, probe.contains)
    result: Dict[str, Any] = {"startup_seconds": bot.startup_seconds, "startup_cpu_seconds": bot.startup_cpu_seconds}
    say(f"  first answer after {bot.startup_seconds:.1f} s ({bot.startup_cpu_seconds:.1f} s CPU)")
    try:
        asyncio.run(warm_up(bot.rest_url, qset.load, args.warmup))
        items = list(qset.items)[: args.items] if args.items is not None else list(qset.items)
        if items:
            say(f"our bot: held-out accuracy ({len(items)} items)")
            outcomes = asyncio.run(accuracy.run_items(bot.rest_url, items, args.concurrency, qset.career))
            passed = sum(o.passed for o in outcomes)
            say(f"  {passed}/{len(outcomes)} correct")
            starts = {item.id: item.career or qset.career for item in items}  # the page a chat starts on, if any
            result["accuracy"] = [
                {"id": o.id, "topic": o.topic, "career": starts.get(o.id), "passed": o.passed,
                 "first_problem": o.first_problem, "turns": o.turns}
                for o in outcomes
            ]
        if args.honest is not None and args.honest.is_file():
            honest = questions.load(args.honest)
            honest_items = list(honest.items)[: args.items] if args.items is not None else list(honest.items)
            say(f"our bot: honest answers, held-out set ({len(honest_items)} items)")
            outcomes = asyncio.run(accuracy.run_items(bot.rest_url, honest_items, args.concurrency, honest.career))
            say(f"  {sum(o.passed for o in outcomes)}/{len(outcomes)} right")
            result["honest"] = [
                {"id": o.id, "topic": o.topic, "passed": o.passed, "first_problem": o.first_problem, "turns": o.turns}
                for o in outcomes
            ]
        if args.clinc != 0:
            requests = accuracy.clinc_requests()
            if args.clinc is not None:
                requests = {name: texts[: args.clinc] for name, texts in requests.items()}
            say(f"our bot: CLINC150 out-of-scope requests ({sum(len(t) for t in requests.values())})")
            scope = asyncio.run(accuracy.run_scope(bot.rest_url, requests, args.concurrency))
            result["scope"] = [
                {"name": s.name, "counts": dict(s.counts), "out_of_scope": s.out_of_scope,
                 "strict_out_of_scope": s.strict_out_of_scope, "examples": s.examples}
                for s in scope
            ]
            for s in scope:
                say(f"  {s.name}: {s.out_of_scope}/{s.total} treated as out of scope ({dict(s.counts)})")
        if args.safety != 0:
            clinc = accuracy.clinc_requests()
            if args.clinc is not None:
                clinc = {name: texts[: args.clinc] for name, texts in clinc.items()}
            say("our bot: safety (held-out crisis messages, hard negatives, CLINC150 and career questions)")
            crisis_counts = safety.run_crisis(bot.rest_url, clinc, args.concurrency, limit=args.safety)
            for entry in crisis_counts:
                say(f"  {entry['name']}: {entry['crisis_replies']}/{entry['total']} got the crisis reply")
            masking = safety.run_masking()
            say(f"  personal details masked {masking['details_masked']}/{masking['details_total']}; "
                f"career questions masked wrongly {masking['masked_wrongly']}/{masking['negatives_total']}")
            result["safety"] = {"crisis": crisis_counts, "masking": masking}
        say("our bot: latency under load")
        result.update(load_cpu_and_memory(bot, qset.load, args.level_list, [technical_problem_text()], "ours"))
    finally:
        bot.stop()
    return result


def load_cpu_and_memory(bot: servers.RunningBot, load: Sequence[questions.LoadQuestion],
                        levels: Sequence[Tuple[int, int]], failure_texts: Sequence[str], label: str) -> Dict[str, Any]:
    """Run every load level against a started bot; its load results, server CPU per turn and peak RSS."""
    cpu_before = bot.cpu()
    loads = measure_load(bot.rest_url, load, levels, failure_texts, label)
    cpu_after = bot.cpu()
    turns = sum(r.turns for r in loads)
    result: Dict[str, Any] = {"load": [r.as_dict() for r in loads]}
    if turns:
        result["cpu_seconds_per_turn"] = {
            role: (cpu_after.get(role, 0.0) - cpu_before.get(role, 0.0)) / turns for role in cpu_after
        }
    result["memory_bytes"] = {role: mb * 1024 * 1024 for role, mb in bot.memory_mb().items()}
    say(f"  peak RSS: {', '.join(f'{r} {v / 1e9:.2f} GB' for r, v in result['memory_bytes'].items())}")
    return result


def bench_many_careers(args: argparse.Namespace, qset: questions.QuestionSet, out: Path) -> Dict[str, Any]:
    """The same bot on 300 careers (25 real + synthetic ones, bench/synthetic.py): start-up, latency, memory, training.

    Only one student's latency is measured (the target compares p50 with the 25-career run).
    """
    knowledge = synthetic.make_knowledge(args.many_careers, out / f"knowledge-{args.many_careers}")
    env = {"CAREERBOT_KNOWLEDGE_DIR": str(knowledge)}
    say(f"our bot with {args.many_careers} careers: training check (the knowledge files are not training input)")
    started = time.perf_counter()
    with (out / "many-train.log").open("w", encoding="utf-8") as log:
        subprocess.run([sys.executable, "-m", "bot", "train"], cwd=ROOT, env=servers.quiet_env(env), stdout=log,
                       stderr=subprocess.STDOUT, check=True)
    train_seconds = time.perf_counter() - started
    probe = qset.load[0]
    bot = servers.launch_ours(out, probe.say, probe.contains, extra_env=env, name="many")
    result: Dict[str, Any] = {"careers": args.many_careers, "startup_seconds": bot.startup_seconds,
                              "train_seconds": train_seconds}
    say(f"  first answer after {bot.startup_seconds:.1f} s; `bot train` {train_seconds:.1f} s")
    try:
        asyncio.run(warm_up(bot.rest_url, qset.load, args.warmup))
        result.update(load_cpu_and_memory(bot, qset.load, args.level_list[:1], [technical_problem_text()], "many"))
    finally:
        bot.stop()
    return result


def bench_stock(args: argparse.Namespace, qset: questions.QuestionSet, stock: baseline.StockProject,
                out: Path) -> Dict[str, Any]:
    """Start the stock bot, measure it the same way (no accuracy: it knows nothing about careers), stop it."""
    probe = qset.baseline_load[0]
    say("stock bot: starting (rasa run) and waiting for the first answer")
    bot = servers.launch_stock(stock.project, stock.model, out, probe.say, probe.contains)
    result: Dict[str, Any] = {"startup_seconds": bot.startup_seconds, "startup_cpu_seconds": bot.startup_cpu_seconds}
    say(f"  first answer after {bot.startup_seconds:.1f} s ({bot.startup_cpu_seconds:.1f} s CPU)")
    try:
        asyncio.run(warm_up(bot.rest_url, qset.baseline_load, args.warmup))
        say("stock bot: latency under load")
        result.update(load_cpu_and_memory(bot, qset.baseline_load, args.level_list, [], "stock"))
    finally:
        bot.stop()
    return result


def run(args: argparse.Namespace) -> Dict[str, Any]:
    """Run the whole benchmark; return the raw results (also saved as JSON)."""
    out: Path = args.out
    out.mkdir(parents=True, exist_ok=True)
    qset = questions.load(args.questions)
    if not qset.load:  # a development set has no latency questions: use the main set's
        main = questions.load(questions.QUESTIONS_FILE)
        qset = dataclasses.replace(qset, load=main.load, baseline_load=main.baseline_load)
    results: Dict[str, Any] = {"meta": meta(args)}
    say(f"load average before: {results['meta']['load_average_before']}")
    work = Path(tempfile.mkdtemp(prefix="careerbot-bench-"))
    try:
        stock_project: Optional[baseline.StockProject] = None
        results["training"] = {}
        if not args.no_training:
            say("training our bot from scratch in a fresh copy (empty Rasa cache), then again unchanged")
            ours_training = training.measure(work / "ours", out / "training-ours.log")
            results["training"]["ours"] = {
                "seconds": ours_training.seconds,
                "unchanged_seconds": ours_training.unchanged_seconds,
                "retrained_when_unchanged": ours_training.retrained_when_unchanged,
                "cpu_seconds": ours_training.cpu_seconds,
            }
            say(f"  from scratch {ours_training.seconds:.1f} s; unchanged {ours_training.unchanged_seconds:.1f} s "
                f"({'RETRAINED' if ours_training.retrained_when_unchanged else 'not retrained'})")
        if not args.no_baseline:
            say("stock bot: rasa init --no-prompt (trains from scratch, empty cache), then rasa train unchanged")
            stock_project = baseline.create(work, out / "training-stock.log")
            results["training"]["stock"] = {
                "seconds": stock_project.seconds,
                "unchanged_seconds": stock_project.unchanged_seconds,
                "new_model_when_unchanged": stock_project.new_model_when_unchanged,
                "cpu_seconds": stock_project.cpu_seconds,
            }
            say(f"  init+train {stock_project.seconds:.1f} s; unchanged {stock_project.unchanged_seconds:.1f} s")
        ours = bench_ours(args, qset, out)
        if "accuracy" in ours:
            results["accuracy"] = {"items": ours.pop("accuracy")}
        if "scope" in ours:
            results["scope"] = ours.pop("scope")
        if "honest" in ours:
            results["honest"] = {"items": ours.pop("honest")}
        if "safety" in ours:
            results["safety"] = ours.pop("safety")
        results["ours"] = ours
        if args.many_careers:
            results["many"] = bench_many_careers(args, qset, out)
        if args.counselor:
            say(f"counselor page: {args.counselor // 10:,} stored conversations (baseline), then {args.counselor:,}")
            results["counselor"] = {"baseline": counselor.measure(args.counselor // 10, work / "counselor-base"),
                                    "measured": counselor.measure(args.counselor, work / "counselor")}
        if stock_project is not None:
            results["stock"] = bench_stock(args, qset, stock_project, out)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    results["meta"]["load_average_after"] = list(os.getloadavg())
    if args.load_note:
        results["meta"]["load_note"] = args.load_note
    (out / "results.json").write_text(json.dumps(results, indent=1, default=_json_default), encoding="utf-8")
    report.write(results, args.results, args.plot)
    if args.results == BENCH_DIR / "results.md":  # a full run: the figures the docs quote follow it
        figures.write(results)
    say(f"wrote {args.results} and {args.plot} (raw results: {out / 'results.json'})")
    return results


def _json_default(value: Any) -> Any:
    if isinstance(value, Path):
        return str(value)
    if hasattr(value, "__dataclass_fields__"):
        return asdict(value)
    raise TypeError(f"not JSON serialisable: {type(value).__name__}")


def _optional_path(value: str) -> Optional[Path]:
    """A path option where an empty value means "none" (Path('') would be the current folder)."""
    return Path(value) if value.strip() else None


def build_parser() -> argparse.ArgumentParser:
    """Command-line options (defaults: the full benchmark)."""
    parser = argparse.ArgumentParser(prog="python -m bench.run", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "out", help="raw results and logs (git-ignored)")
    parser.add_argument("--results", type=Path, default=BENCH_DIR / "results.md", help="the Markdown report")
    parser.add_argument("--plot", type=Path, default=BENCH_DIR / "latency.png", help="the latency plot (PNG)")
    parser.add_argument("--questions", type=Path, default=questions.QUESTIONS_FILE, help="held-out question file")
    parser.add_argument("--levels", default=DEFAULT_LEVELS,
                        help=f"students:turns-per-student for each load level (default {DEFAULT_LEVELS})")
    parser.add_argument("--honest", type=_optional_path, default=questions.HONEST_FILE,
                        help="held-out honest-answers set (issue 19); an empty value skips it")
    parser.add_argument("--items", type=int, default=None, help="only the first N held-out items")
    parser.add_argument("--clinc", type=int, default=None,
                        help="only the first N requests of each CLINC file (0: skip)")
    parser.add_argument("--concurrency", type=int, default=4, help="parallel conversations for accuracy/CLINC")
    parser.add_argument("--warmup", type=int, default=20, help="unrecorded turns after start-up")
    parser.add_argument("--no-baseline", action="store_true", help="skip the stock Rasa bot")
    parser.add_argument("--safety", type=int, default=None,
                        help="only the first N messages of each safety set (0: skip the safety section)")
    parser.add_argument("--no-training", action="store_true", help="skip the training-time measurement of our bot")
    parser.add_argument("--many-careers", type=int, default=300,
                        help="also measure the bot with this many careers (synthetic ones added; 0: skip)")
    parser.add_argument("--counselor", type=int, default=10000,
                        help="stored conversations for the counselor page's timing (a tenth as baseline; 0 skips)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary projects (for inspection)")
    parser.add_argument("--load-note", default="", help="a note about other work on the machine, for results.md")
    return parser


def main(argv: Optional[Sequence[str]] = None) -> int:
    """Entry point."""
    args = build_parser().parse_args(argv)
    args.level_list = parse_levels(args.levels)
    run(args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
