"""Student safety end to end, on REST, socket.io and Slack, against the real servers.

One bot with Slack switched on (signed requests, a fake Slack Web API on
loopback) and a counselors' Slack channel configured. Checked by reading what
the student got, the handoff store, the fake Slack's posts and the tracker store
itself: a crisis message gets the crisis reply and is flagged; a handoff reaches
the counselors only after the student's yes; personal details never reach the
tracker store.
"""

from __future__ import annotations

import sqlite3
import time
import uuid
from typing import Iterator, List

import pytest

from bot.safety import handoffs
from tests.e2e.socket_support import ChatSocket
from tests.e2e.socket_support import text_of as socket_text
from tests.slack_support import BOT_TOKEN, SIGNING_SECRET, FakeSlackApi, click_body, event_body, new_id, new_ts, send
from tests.support import BotProcess, buttons_of, text_of

pytestmark = pytest.mark.e2e

COUNSELORS = "CCOUNSELORS"
CRISIS_MARKS = ("988", "911", "Counseling Office")


@pytest.fixture(scope="module")
def slack_api() -> Iterator[FakeSlackApi]:
    api = FakeSlackApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def safe_bot(model, tmp_path_factory, slack_api: FakeSlackApi) -> Iterator[BotProcess]:
    """The real bot with Slack on and a counselors' channel set by the environment (no file edited)."""
    process = BotProcess(
        tmp_path_factory.mktemp("safety-bot"),
        env_overrides={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack_api.url,
            "CAREERBOT_COUNSELOR_SLACK_CHANNEL": COUNSELORS,
        },
    ).start()
    yield process
    process.stop()


def _store_url(bot: BotProcess) -> str:
    return f"sqlite:///{bot.var_dir / 'tracker.db'}"


def _records(bot: BotProcess, conversation_id: str, kind: str) -> List[handoffs.Record]:
    return [r for r in handoffs.list_records(_store_url(bot), include_seen=True, kind=kind)
            if r.conversation_id == conversation_id]


def _stored_texts(bot: BotProcess, conversation_id: str) -> List[str]:
    """Every stored event of a conversation, as the raw JSON the tracker store keeps."""
    with sqlite3.connect(bot.var_dir / "tracker.db") as db:
        return [row[0] for row in db.execute("SELECT data FROM events WHERE sender_id = ?", (conversation_id,))]


def _stored_when_saved(bot: BotProcess, conversation_id: str, marker: str, timeout: float = 15.0) -> str:
    """The stored events once the turn is saved (the reply can reach Slack before the tracker is written)."""
    deadline = time.monotonic() + timeout
    while True:
        stored = "\n".join(_stored_texts(bot, conversation_id))
        if marker in stored or time.monotonic() > deadline:
            return stored
        time.sleep(0.2)


def _sender() -> str:
    return f"safety-{uuid.uuid4().hex[:10]}"


def _counselor_posts(api: FakeSlackApi, text: str) -> list:
    return api.messages(lambda post: post.channel == COUNSELORS and text in post.text)


def test_rest_crisis_gets_the_crisis_reply_and_is_flagged(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """A crisis message over REST gets 988, 911 and the counselor, and a crisis flag reaches the store and Slack."""
    sender = _sender()
    reply = safe_bot.say(sender, "i want to kill myself")
    text = text_of(reply)
    assert all(mark in text for mark in CRISIS_MARKS), text
    assert "Talk to a counselor" in buttons_of(reply)
    flags = _records(safe_bot, sender, handoffs.CRISIS)
    assert len(flags) == 1 and "i want to kill myself" in flags[0].last_messages
    posts = slack_api.wait_for(lambda post: post.channel == COUNSELORS and flags[0].code in post.text)
    assert "CRISIS FLAG" in posts[0].text


def test_rest_crisis_mixed_with_a_career_question_gets_no_career_answer(safe_bot: BotProcess) -> None:
    """Also when the message asks a career question: crisis reply, no pay figure."""
    text = text_of(safe_bot.say(_sender(), "what do they earn? whatever, i wont be alive to see it"))
    assert all(mark in text for mark in CRISIS_MARKS) and "$107,560" not in text


def test_rest_crisis_in_the_middle_of_the_plan(safe_bot: BotProcess) -> None:
    """In the pathway flow a crisis message stops the questions and gets the crisis reply."""
    sender = _sender()
    assert "Where are you now?" in text_of(safe_bot.say(sender, "i want to be an industrial production manager"))
    text = text_of(safe_bot.say(sender, "im in high school but my dad hits me and im scared to go home"))
    assert all(mark in text for mark in CRISIS_MARKS) and "Where are you now?" not in text
    assert _records(safe_bot, sender, handoffs.CRISIS)


def test_handoff_reaches_counselors_only_after_yes(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """Asking for a counselor stores and posts nothing; the yes stores the record and posts it with its code."""
    sender = _sender()
    assert "$107,560" in text_of(safe_bot.say(sender, "how much do industrial production managers make?"))
    offer = safe_bot.say(sender, "can i talk to a real person?")
    assert "pass this conversation on" in text_of(offer)
    assert "Yes, pass it on" in buttons_of(offer)
    assert not _records(safe_bot, sender, handoffs.HANDOFF)
    done = text_of(safe_bot.say(sender, "/affirm"))
    records = _records(safe_bot, sender, handoffs.HANDOFF)
    assert len(records) == 1
    record = records[0]
    assert record.code in done
    assert "pay" in record.topics and record.careers == ["industrial-production-manager"]
    assert record.last_messages[-1] == "can i talk to a real person?"
    posts = slack_api.wait_for(lambda post: post.channel == COUNSELORS and record.code in post.text)
    assert "HANDOFF" in posts[0].text and "can i talk to a real person?" in posts[0].text


def test_no_handoff_when_the_student_says_no(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """A no keeps everything private: no record, no post."""
    sender = _sender()
    safe_bot.say(sender, "how do i book my guidance counselor")
    assert "won't pass anything on" in text_of(safe_bot.say(sender, "no thanks"))
    assert not _records(safe_bot, sender, handoffs.HANDOFF)
    assert not _counselor_posts(slack_api, sender)


def test_personal_details_never_reach_the_tracker_store(safe_bot: BotProcess) -> None:
    """Name, phone, email and address are masked before storing; the student is reminded and still answered."""
    sender = _sender()
    message = ("my name is Jordan Lee, call me at 555-123-4567 or jordan.lee@mail.example, "
               "i live at 42 Maple Street. how much do industrial production managers make?")
    text = text_of(safe_bot.say(sender, message))
    assert "personal details" in text and "$107,560" in text
    stored = "\n".join(_stored_texts(safe_bot, sender))
    assert stored, "the conversation must be stored"
    for detail in ("Jordan", "Lee", "555-123-4567", "jordan.lee@mail.example", "42 Maple Street", "Maple"):
        assert detail not in stored, detail
    assert "[name]" in stored and "[phone]" in stored and "[email]" in stored and "[address]" in stored
    assert "Jordan" not in safe_bot.log() and "555-123-4567" not in safe_bot.log()


def test_masked_details_stay_masked_in_a_handoff(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """The handoff record and its Slack post carry the masked message, never the detail."""
    sender = _sender()
    safe_bot.say(sender, "my email is sam.park@mail.example, what skills do they need?")
    safe_bot.say(sender, "i want to talk to a counselor")
    safe_bot.say(sender, "/affirm")
    record = _records(safe_bot, sender, handoffs.HANDOFF)[0]
    assert any("[email]" in m for m in record.last_messages)
    post = slack_api.wait_for(lambda p: p.channel == COUNSELORS and record.code in p.text)[0]
    assert "sam.park" not in post.text and "[email]" in post.text


def test_socketio_crisis_gets_the_crisis_reply_and_is_flagged(safe_bot: BotProcess) -> None:
    """The website widget's channel: same crisis reply, same flag."""
    chat = ChatSocket(safe_bot.url, f"http://127.0.0.1:{safe_bot.web_port}").connect()
    try:
        session = chat.start_session()
        messages = chat.ask("i dont want to be here anymore. like at all", expect="988")
        assert all(mark in socket_text(messages) for mark in CRISIS_MARKS)
        assert _records(safe_bot, session, handoffs.CRISIS)
    finally:
        chat.close()


def _slack_webhook(bot: BotProcess) -> str:
    return f"{bot.url}/webhooks/slack/webhook"


def test_slack_crisis_gets_the_crisis_reply_and_is_flagged(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """A signed Slack DM in crisis: the crisis reply in the DM and a flag in the counselors' channel."""
    student, dm = new_id("U"), new_id("D")
    body = event_body(student, "i took a bunch of pills", channel=dm, ts=new_ts())
    assert send(_slack_webhook(safe_bot), body, "application/json").status_code == 200
    reply = slack_api.wait_for(lambda post: post.channel == dm and "911" in post.text)[0]
    assert all(mark in reply.text for mark in CRISIS_MARKS)
    flag = slack_api.wait_for(lambda post: post.channel == COUNSELORS and "CRISIS FLAG" in post.text
                              and "i took a bunch of pills" in post.text)[0]
    assert "happening now" in flag.text


def test_slack_handoff_only_after_the_yes_button(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """Over Slack the offer's Yes button is what sends the handoff to the counselors' channel."""
    student, dm = new_id("U"), new_id("D")
    question = f"can i talk to a counselor about being a plant manager {uuid.uuid4().hex[:6]}"
    assert send(_slack_webhook(safe_bot), event_body(student, question, channel=dm, ts=new_ts()),
                "application/json").status_code == 200
    offer = slack_api.wait_for(lambda post: post.channel == dm and "pass this conversation on" in post.text)[0]
    assert not _counselor_posts(slack_api, question)
    click = click_body(student, dm, offer.button("Yes, pass it on"))
    assert send(_slack_webhook(safe_bot), click, "application/x-www-form-urlencoded").status_code == 200
    done = slack_api.wait_for(lambda post: post.channel == dm and "Your code is" in post.text)[0]
    post = slack_api.wait_for(lambda p: p.channel == COUNSELORS and "HANDOFF" in p.text and question in p.text)[0]
    code = done.text.split("Your code is ")[1][:7]
    assert code in post.text


def test_socketio_and_slack_messages_are_stored_masked(safe_bot: BotProcess, slack_api: FakeSlackApi) -> None:
    """The widget's and Slack's messages with personal details reach the tracker store masked, too."""
    chat = ChatSocket(safe_bot.url, f"http://127.0.0.1:{safe_bot.web_port}").connect()
    try:
        session = chat.start_session()
        chat.ask("my number is 555-867-5309, how much do nurses make?", expect="$81,220")
    finally:
        chat.close()
    socket_stored = _stored_when_saved(safe_bot, session, "$81,220")
    assert "867-5309" not in socket_stored and "[phone]" in socket_stored

    student, dm = new_id("U"), new_id("D")
    body = event_body(student, "email me at kim.nguyen@mail.example, what do chefs earn?", channel=dm, ts=new_ts())
    assert send(_slack_webhook(safe_bot), body, "application/json").status_code == 200
    slack_api.wait_for(lambda post: post.channel == dm and "$56,520" in post.text)
    slack_stored = _stored_when_saved(safe_bot, f"slack-{student}", "$56,520")
    assert slack_stored, "the Slack conversation is stored under slack-<member id>"
    assert "kim.nguyen" not in slack_stored and "[email]" in slack_stored
