"""Pure parts of the socket.io channel: origin setting, session ids, the widget's customData."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from bot.channels.socketio import (
    SafeSocketIOInput,
    engine_origins,
    hard_line_breaks,
    parse_metadata,
    valid_session_id,
)
from bot.paths import CREDENTIALS_FILE


def test_origins_are_passed_to_the_engine() -> None:
    """A list of origins becomes engineio's allow-list (trailing slashes dropped)."""
    assert engine_origins(["http://school.example/", "http://localhost:8000"]) == [
        "http://school.example", "http://localhost:8000",
    ]


def test_empty_origin_setting_refuses_every_cross_origin_page() -> None:
    """engineio treats [] as 'no check'; an empty setting must instead refuse every Origin."""
    check = engine_origins([" ", ""])
    assert callable(check) and check("http://localhost:8000") is False


@pytest.mark.parametrize("value", ["0f3c9a", "a" * 128, "session_1-x"])
def test_safe_session_ids_are_kept(value: str) -> None:
    assert valid_session_id(value) == value


@pytest.mark.parametrize("value", [None, "", "a" * 129, "../x", "<b>", 12, {"id": 1}, "with space"])
def test_unsafe_session_ids_are_rejected(value: Any) -> None:
    assert valid_session_id(value) is None


@pytest.mark.parametrize(
    "value, expected",
    [
        ({"language": "en"}, {"language": "en"}),
        ('{"language": "en"}', {"language": "en"}),
        ("{broken", {}),
        ("[1]", {}),
        (None, {}),
        (7, {}),
    ],
)
def test_custom_data_must_be_an_object(value: Any, expected: dict) -> None:
    assert parse_metadata(value) == expected


def test_credentials_configure_the_widget_channel() -> None:
    """credentials.yml names our channel with session persistence and the widget's metadata key."""
    with CREDENTIALS_FILE.open(encoding="utf-8") as handle:
        channels = yaml.safe_load(handle)
    config = channels["bot.channels.socketio.SafeSocketIOInput"]
    assert config["session_persistence"] is True
    assert config["metadata_key"] == "customData"
    channel = SafeSocketIOInput.from_credentials(config)
    assert isinstance(channel, SafeSocketIOInput) and channel.session_persistence is True


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Your plan:\n1. Take math.\n2. Apply.", "Your plan:  \n1. Take math.  \n2. Apply."),
        ("• one \n• two", "• one  \n• two"),
        ("one line", "one line"),
    ],
)
def test_line_breaks_survive_markdown(text: str, expected: str) -> None:
    """Single newlines become Markdown hard breaks, so the widget shows steps and bullets on their own lines."""
    assert hard_line_breaks(text) == expected
