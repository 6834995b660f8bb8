"""The bench's command-line options."""
from pathlib import Path

from bench import questions
from bench.run import build_parser


def test_an_empty_honest_option_skips_the_honest_set() -> None:
    args = build_parser().parse_args(["--honest", ""])
    assert args.honest is None


def test_the_honest_option_defaults_to_the_held_out_set_and_takes_a_path() -> None:
    assert build_parser().parse_args([]).honest == questions.HONEST_FILE
    assert build_parser().parse_args(["--honest", "x/y.yml"]).honest == Path("x/y.yml")
