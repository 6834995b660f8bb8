"""The Slack channel end to end: signed requests to the running server, replies captured by a fake Slack.

The bot runs as in production (``python -m bot run``) with ``SLACK_BOT_TOKEN`` and
``SLACK_SIGNING_SECRET`` set, and ``SLACK_API_URL`` pointing at a fake Slack Web
API on loopback that records every ``chat.postMessage``.

Replies are asynchronous (Slack wants its HTTP answer within 3 s), so "not
answered" is checked with a barrier: a later turn in the *same* conversation.
Rasa runs one conversation's turns in arrival order (its lock store hands out
tickets), so once the barrier's answer is there, an answer to anything sent
before it would be there too.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from typing import Dict, Iterator, List, Optional

import pytest
import redis
import requests

from tests.slack_support import (
    BOT_TOKEN,
    BOT_USER,
    SIGNING_SECRET,
    FakeSlackApi,
    Post,
    click_body,
    event_body,
    new_id,
    new_ts,
    redis_server,
    send,
)
from tests.support import BotProcess, stored_student_messages

pytestmark = pytest.mark.e2e

JSON = "application/json"
FORM = "application/x-www-form-urlencoded"
PAY = "$107,560"
SKILLS = "Leadership"
TOPICS = ["Browse careers", "What they do", "Pay", "Job outlook", "Skills", "Education", "Where they work",
          "How to become one"]


@pytest.fixture(scope="module")
def slack_api() -> Iterator[FakeSlackApi]:
    api = FakeSlackApi().start()
    yield api
    api.stop()


@pytest.fixture(scope="module")
def redis_url(tmp_path_factory) -> Iterator[str]:
    """Redis for the dedupe memory, as the scale-out profile would share it between Rasa servers."""
    with redis_server(tmp_path_factory.mktemp("redis")) as url:
        yield url


@pytest.fixture(scope="module")
def slack_bot(model, tmp_path_factory, slack_api: FakeSlackApi, redis_url: str) -> Iterator[BotProcess]:
    """The real bot with Slack switched on by environment variables only."""
    process = BotProcess(
        tmp_path_factory.mktemp("slack-bot"),
        env_overrides={
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack_api.url,
            "CAREERBOT_REDIS_URL": redis_url,
        },
    ).start()
    yield process
    process.stop()


@dataclass
class Slack:
    """Sends Slack's requests to the bot and reads what it posted back."""

    bot: BotProcess
    api: FakeSlackApi

    @property
    def webhook(self) -> str:
        return f"{self.bot.url}/webhooks/slack/webhook"

    def event(self, body: bytes, **kwargs) -> requests.Response:
        return send(self.webhook, body, JSON, **kwargs)

    def say(self, user: str, channel: str, text: str, expect: str, **fields) -> Post:
        """A student's DM (or, with event_type='app_mention', a channel mention); wait for the reply."""
        ts = fields.pop("ts", None) or new_ts()
        reply = self.event(event_body(user, text, channel=channel, ts=ts, **fields))
        assert reply.status_code == 200, reply.text
        return self.reply(channel, expect)[-1]

    def click(self, user: str, channel: str, button: Dict, message_ts: Optional[str] = None) -> requests.Response:
        return send(self.webhook, click_body(user, channel, button, message_ts), FORM)

    def reply(self, channel: str, expect: str, count: int = 1) -> List[Post]:
        return self.api.wait_for(lambda post: post.channel == channel and expect in post.text, count)

    def posts_with(self, channel: str, text: str) -> List[Post]:
        return self.api.messages(lambda post: post.channel == channel and text in post.text)

    def barrier(self, user: str, channel: str) -> None:
        """Wait until a later turn of ``user``'s conversation (a clicked question about skills) is answered."""
        before = len(self.posts_with(channel, SKILLS))
        # A button click (not a message event): a bot's own user id still gets through, as in Slack.
        question = {"value": "what skills do industrial production managers need?"}
        assert self.click(user, channel, question).status_code == 200
        self.reply(channel, SKILLS, count=before + 1)


@pytest.fixture
def slack(slack_bot: BotProcess, slack_api: FakeSlackApi) -> Slack:
    return Slack(slack_bot, slack_api)


@pytest.fixture
def student() -> str:
    return new_id("U")


@pytest.fixture
def dm() -> str:
    return new_id("D")


def test_slack_webhook_is_served_when_its_secrets_are_set(slack: Slack) -> None:
    """With SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET set, the Slack channel is up (no file edited)."""
    reply = requests.get(f"{slack.bot.url}/webhooks/slack/", timeout=10)
    assert reply.status_code == 200
    assert reply.json() == {"status": "ok"}


def test_signed_message_is_answered(slack: Slack, student: str, dm: str) -> None:
    """A correctly signed DM gets the answer, posted to that DM with the bot token."""
    post = slack.say(student, dm, "how much do industrial production managers make?", expect=PAY)
    assert post.authorization == f"Bearer {BOT_TOKEN}"
    assert post.thread_ts is None
    assert PAY in post.body["text"]  # notification fallback text too


def test_help_shows_topic_buttons_as_slack_buttons(slack: Slack, student: str, dm: str) -> None:
    """Buttons become Block Kit buttons whose values are the bot's payloads (all eight, not only five)."""
    post = slack.say(student, dm, "help", expect="Pick a topic")
    assert [button["text"]["text"] for button in post.buttons] == TOPICS
    assert post.button("Pay")["value"] == "/ask_pay"


def test_clicked_button_continues_the_conversation(slack: Slack, student: str, dm: str) -> None:
    """Clicking "Pay" answers with the pay figure; a typed follow-up then continues from pay."""
    slack.say(student, dm, "tell me about industrial production managers", expect="oversee the daily operations")
    menu = slack.say(student, dm, "what can i ask?", expect="Pick a topic")
    assert slack.click(student, dm, menu.button("Pay")).status_code == 200
    slack.reply(dm, PAY)
    follow_up = slack.say(student, dm, "tell me more", expect="geographic location")
    assert "geographic location" in follow_up.text


def test_a_double_click_is_answered_once(slack: Slack, student: str, dm: str) -> None:
    """Two clicks on the same button of the same message (a double click) give one answer; a later menu still works."""
    slack.say(student, dm, "tell me about industrial production managers", expect="oversee the daily operations")
    menu = slack.say(student, dm, "what can i ask?", expect="Pick a topic")
    first_menu_ts = new_ts()
    for _ in range(2):
        assert slack.click(student, dm, menu.button("Pay"), message_ts=first_menu_ts).status_code == 200
    slack.reply(dm, PAY)
    assert slack.click(student, dm, menu.button("Pay"), message_ts=new_ts()).status_code == 200  # another menu
    slack.reply(dm, PAY, count=2)
    slack.barrier(student, dm)
    assert len(slack.posts_with(dm, PAY)) == 2


def test_two_students_in_one_channel_keep_separate_conversations(slack: Slack) -> None:
    """In a channel each student's @mentions form their own conversation, answered in their own thread."""
    channel, ana, ben = new_id("C"), new_id("U"), new_id("U")
    mention = {"event_type": "app_mention", "channel_type": "channel"}
    first = new_ts()
    ana_pay = slack.say(ana, channel, f"<@{BOT_USER}> how much do industrial production managers make?", expect=PAY, ts=first, **mention)
    assert ana_pay.thread_ts == first
    slack.say(ben, channel, f"<@{BOT_USER}> is the ipm job growing?", expect="2 percent", **mention)
    # Ana's "tell me more" follows her pay question, not Ben's outlook question.
    more = new_ts()
    ana_more = slack.say(ana, channel, f"<@{BOT_USER}> tell me more", expect="geographic location", ts=more, **mention)
    assert ana_more.thread_ts == more
    slack.say(ben, channel, f"<@{BOT_USER}> and how many openings?", expect="15,300", **mention)


def test_bare_mention_gets_a_friendly_reply(slack: Slack) -> None:
    """An @mention with no words goes through the shared guards: a friendly hint, not silence."""
    channel = new_id("C")
    slack.say(new_id("U"), channel, f"<@{BOT_USER}>", expect="message was empty",
              event_type="app_mention", channel_type="channel")


@pytest.mark.parametrize(
    "how",
    ["forged signature", "missing signature", "stale timestamp", "other app's secret", "non-numeric timestamp"],
)
def test_unsigned_or_stale_requests_are_refused(slack: Slack, student: str, dm: str, how: str) -> None:
    """Requests Slack didn't sign (or signed more than 5 minutes ago) are refused and never answered."""
    body = event_body(student, "how much do industrial production managers make?", channel=dm)
    if how == "forged signature":
        reply = slack.event(body, headers={"X-Slack-Signature": "v0=" + "0" * 64})
    elif how == "missing signature":
        reply = slack.event(body, signed=False)
    elif how == "stale timestamp":
        reply = slack.event(body, timestamp=int(time.time()) - 6 * 60)
    elif how == "other app's secret":
        reply = slack.event(body, secret="someone-elses-secret")
    else:
        reply = slack.event(body, signed=False, headers={"X-Slack-Request-Timestamp": "yesterday",
                                                          "X-Slack-Signature": "v0=abc"})
    assert reply.status_code == 401
    slack.barrier(student, dm)
    assert slack.posts_with(dm, PAY) == []


def test_forged_button_click_is_refused(slack: Slack, student: str, dm: str) -> None:
    """Interactivity requests are signed too: a forged click is refused."""
    body = click_body(student, dm, {"value": "/ask_pay"})
    reply = send(slack.webhook, body, FORM, secret="someone-elses-secret")
    assert reply.status_code == 401
    slack.barrier(student, dm)
    assert slack.posts_with(dm, PAY) == []


@pytest.mark.parametrize(
    "headers",
    [
        {"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"},
        {"X-Slack-Retry-Num": "2", "X-Slack-Retry-Reason": "http_error"},
        {},  # the same signed request replayed within the 5 minutes
    ],
    ids=["timeout-retry", "error-retry", "replay"],
)
def test_redelivered_event_is_answered_once(slack: Slack, student: str, dm: str, headers: Dict[str, str]) -> None:
    """Slack's retry of an event already received (same event id) gets 200 + X-Slack-No-Retry and no 2nd answer."""
    body = event_body(student, "how much do industrial production managers make?", channel=dm)
    assert slack.event(body).status_code == 200
    slack.reply(dm, PAY)
    retry = slack.event(body, headers=headers)
    assert retry.status_code == 200
    assert retry.headers.get("X-Slack-No-Retry") == "1"
    slack.barrier(student, dm)
    assert len(slack.posts_with(dm, PAY)) == 1


def test_answered_events_are_remembered_in_the_shared_redis(
    slack: Slack, redis_url: str, student: str, dm: str
) -> None:
    """With CAREERBOT_REDIS_URL set, the server records each event in Redis, where other Rasa servers see it."""
    event_id = new_id("Ev")
    assert slack.event(event_body(student, "ipm salary?", channel=dm, event_id=event_id)).status_code == 200
    slack.reply(dm, PAY)
    assert redis.Redis.from_url(redis_url).exists(f"careerbot:slack:seen:event:{event_id}") == 1


def test_retry_of_an_event_never_received_is_answered(slack: Slack, student: str, dm: str) -> None:
    """If the first delivery never arrived, Slack's retry is the student's only message: answer it."""
    body = event_body(student, "how much do industrial production managers make?", channel=dm)
    reply = slack.event(body, headers={"X-Slack-Retry-Num": "1", "X-Slack-Retry-Reason": "http_timeout"})
    assert reply.status_code == 200
    slack.reply(dm, PAY)


@pytest.mark.parametrize(
    "user, fields",
    [
        ("UOTHERBOT", {"bot_id": "BOTHER", "bot_profile": {"name": "weather"}}),
        (BOT_USER, {"bot_id": "BCAREERBOT", "app_id": "ACAREERBOT"}),  # the bot's own reply echoed back
        (None, {"subtype": "bot_message", "bot_id": "BLEGACY", "username": "old integration"}),
    ],
    ids=["other-bot", "itself", "legacy-bot-message"],
)
def test_messages_from_bots_are_ignored(slack: Slack, dm: str, user: Optional[str], fields: Dict) -> None:
    """Bot messages (including the bot's own replies coming back as events) never get an answer."""
    reply = slack.event(event_body(user, "how much do industrial production managers make?", channel=dm, **fields))
    assert reply.status_code == 200
    assert "bot" in reply.text
    slack.barrier(user or "BLEGACY", dm)
    assert slack.posts_with(dm, PAY) == []


def test_channel_message_without_mention_is_ignored(slack: Slack, student: str) -> None:
    """In a channel the bot answers only when @mentioned (students' chat with each other stays theirs)."""
    channel = new_id("C")
    body = event_body(student, "how much do industrial production managers make?", channel=channel, channel_type="channel")
    reply = slack.event(body)
    assert reply.status_code == 200 and "not addressed" in reply.text
    slack.barrier(student, channel)
    assert slack.posts_with(channel, PAY) == []


def test_url_verification_challenge_needs_a_signature(slack: Slack) -> None:
    """Slack's URL check is answered with the challenge only when signed with the app's secret."""
    challenge = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"
    body = json.dumps({"token": "x", "challenge": challenge, "type": "url_verification"}).encode()
    reply = slack.event(body)
    assert reply.status_code == 200
    assert reply.json() == {"challenge": challenge}
    assert slack.event(body, signed=False).status_code == 401


def test_malformed_signed_body_gets_a_clear_400(slack: Slack) -> None:
    """A signed body that isn't JSON is refused with 400 and the server keeps answering."""
    reply = slack.event(b"{not json")
    assert reply.status_code == 400
    assert "Malformed" in reply.text
    slack.say(new_id("U"), new_id("D"), "ipm salary?", expect=PAY)


def test_slack_refusing_a_reply_is_logged_with_a_hint(slack: Slack, student: str) -> None:
    """If Slack refuses a reply (bot not in the channel) the log says what to do; other students still get answers."""
    channel = new_id("C")
    slack.api.refuse[channel] = "not_in_channel"
    body = event_body(student, f"<@{BOT_USER}> ipm salary?", channel=channel, event_type="app_mention",
                      channel_type="channel")
    assert slack.event(body).status_code == 200
    deadline = time.monotonic() + 90
    while "not_in_channel" not in slack.bot.log():
        assert time.monotonic() < deadline, "Slack's refusal was not logged"
        time.sleep(0.2)
    assert "Invite the bot to the channel" in slack.bot.log()
    assert "Turn failed" not in slack.bot.log()  # the turn itself completed
    slack.say(new_id("U"), new_id("D"), "ipm salary?", expect=PAY)


def test_pathway_by_typing_only(slack: Slack, student: str, dm: str) -> None:
    """The whole education pathway works with typed answers in a DM."""
    slack.say(student, dm, "can you make me a plan to become an ipm?", expect="Where are you now?")
    slack.say(student, dm, "high school", expect="Which side sounds more like you?")
    plan = slack.say(student, dm, "business and people", expect="step-by-step plan")
    for fact in ["business administration", "first-line supervisor", "MBA", "Why:"]:
        assert fact in plan.text


def test_pathway_by_clicking_buttons(slack: Slack, student: str, dm: str) -> None:
    """The same flow by clicking the Slack buttons of each question."""
    stage = slack.say(student, dm, "make me a plan to become an ipm", expect="Where are you now?")
    assert slack.click(student, dm, stage.button("High school")).status_code == 200
    side = slack.reply(dm, "Which side sounds more like you?")[-1]
    assert slack.click(student, dm, side.button("Business / people side")).status_code == 200
    plan = slack.reply(dm, "step-by-step plan")[-1]
    assert "business administration" in plan.text and "High school" in plan.text


def test_two_students_in_one_channel_do_not_share_a_pathway(slack: Slack) -> None:
    """Two students run the pathway at the same time in one channel; each gets the plan for their own answers."""
    channel, ana, ben = new_id("C"), new_id("U"), new_id("U")
    mention = {"event_type": "app_mention", "channel_type": "channel"}
    slack.say(ana, channel, f"<@{BOT_USER}> make me a plan to be an ipm", expect="Where are you now?", **mention)
    slack.say(ben, channel, f"<@{BOT_USER}> make me a plan to be an ipm", expect="Where are you now?", **mention)
    slack.say(ana, channel, f"<@{BOT_USER}> high school", expect="Which side sounds more like you?", **mention)
    ben_asked = slack.say(ben, channel, f"<@{BOT_USER}> I'm a college student", expect="major", **mention)
    assert "Which side" not in ben_asked.text
    ana_plan = slack.say(ana, channel, f"<@{BOT_USER}> the technical side", expect="step-by-step plan", **mention)
    assert "High school" in ana_plan.text and "College student" not in ana_plan.text
    # Ben clicks a button under his own question: his conversation, his plan.
    assert slack.click(ben, channel, ben_asked.button("Business")).status_code == 200
    ben_plan = slack.reply(channel, "College student")[-1]
    assert "business administration" in ben_plan.text and ben_plan is not ana_plan


def test_logs_contain_no_message_text(slack: Slack) -> None:
    """After all the conversations above, nothing the students typed is in the server logs."""
    slack.say(new_id("U"), new_id("D"), "what's the salary of an ipm?", expect=PAY)
    log = slack.bot.log()
    for phrase in ["salary", "tell me more", "ipm job growing", "what can i ask", "how many openings"]:
        assert phrase not in log


# --- conversations bound to their channel ----------------------------------------------------------


def test_a_slack_conversation_cannot_be_reached_through_rest(slack: Slack, student: str, dm: str) -> None:
    """Knowing a classmate's Slack member id is not enough: REST refuses the Slack conversation's id, and the
    bare member id is a conversation of its own that does not continue the Slack one."""
    slack.say(student, dm, "how much do industrial production managers make?", expect=PAY)
    stored = stored_student_messages(slack.bot.var_dir, f"slack-{student}", at_least=1)
    assert stored == 1
    for sender in (f"slack-{student}", f"SLACK-{student}"):
        reply = requests.post(slack.bot.rest_url, json={"sender": sender, "message": "tell me more"}, timeout=30)
        assert reply.status_code == 400 and "Slack channel" in reply.json()["error"]
    bare = requests.post(slack.bot.rest_url, json={"sender": student, "message": "tell me more"}, timeout=30)
    assert bare.status_code == 200
    assert "geographic location" not in json.dumps(bare.json()), "REST must not continue the Slack conversation"
    assert stored_student_messages(slack.bot.var_dir, f"slack-{student}") == stored, \
        "nothing was written into the Slack conversation"


def test_a_slack_conversation_cannot_be_reached_through_the_widget(slack: Slack, student: str, dm: str) -> None:
    """A socket asking for a Slack conversation's id gets a new widget session instead."""
    from tests.e2e.socket_support import ChatSocket, page_origin, text_of

    slack.say(student, dm, "how much do industrial production managers make?", expect=PAY)
    socket = ChatSocket(slack.bot.url, page_origin(slack.bot)).connect()
    try:
        confirmed = socket.start_session(f"slack-{student}")
        assert confirmed != f"slack-{student}" and confirmed.startswith("web-")
        assert "geographic location" not in text_of(socket.any_reply("tell me more"))
    finally:
        socket.close()
    assert stored_student_messages(slack.bot.var_dir, f"slack-{student}", at_least=1) == 1
