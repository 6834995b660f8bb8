"""The counselor page's parts without servers: counting, sign-in and sessions, HTML and CSV."""

from __future__ import annotations

from datetime import date, timedelta

from bot.counselor import pages
from bot.counselor.auth import FREE_TRIES, Gate, valid_form
from bot.counselor.stats import Message, Period, TurnRecord, overview, pair_with_messages
from bot.interpret.decision import Decision, PlanMove
from bot.interpret.inputs import PathwayState, State
from bot.interpret.record import turn_record


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0
        self.slept = 0.0

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept += seconds


def gate(clock: Clock, idle: float = 600) -> Gate:
    return Gate("right", idle_seconds=idle, clock=clock, sleep=clock.sleep)


def test_period_stays_inside_retention_and_defaults_to_a_week() -> None:
    today = date(2026, 12, 3)
    assert Period.choose(None, None, 30, today) == Period(date(2026, 11, 27), today)
    assert Period.choose("2025-01-01", "2026-12-01", 30, today) == Period(date(2026, 11, 3), date(2026, 12, 1))
    assert Period.choose("2026-12-02", "2027-01-01", 30, today) == Period(date(2026, 12, 2), today)
    assert Period.choose("garbage", "12/01/2026", 30, today) == Period(date(2026, 11, 27), today)
    assert Period.choose("2026-12-03", "2026-12-01", 30, today).first == date(2026, 12, 1)  # from after to


def test_overview_counts_messages_careers_and_unanswered() -> None:
    period = Period(date(2026, 12, 1), date(2026, 12, 2))
    start = period.start
    messages = [Message("web-a", start + 10), Message("web-a", start + 20), Message("slack-b", start + 90000)]
    records = [
        TurnRecord("web-a", 2, start + 11, "answer", ("pay",), ("registered-nurses",)),
        TurnRecord("web-a", 4, start + 21, "unknown_career", others=("astronaut",)),
        TurnRecord("slack-b", 6, start + 90001, "unknown_career", others=("astronaut",)),
        TurnRecord("slack-b", 8, start + 90002, "plan", plan="started"),
    ]
    paired = pair_with_messages(records, [("web-a", 1), ("web-a", 3), ("slack-b", 5)])
    assert paired == {2: 1, 4: 3, 6: 5, 8: 5}
    texts = {3: ("how much do astronauts make", start + 20), 5: ("astronaut pay?", start + 90000)}
    result = overview(period, messages, records, texts, {"registered-nurses": "registered nurse"}, paired)
    assert (result.conversations, result.messages) == (2, 3)
    assert result.days == [(date(2026, 12, 1), 1, 2), (date(2026, 12, 2), 1, 1)]
    assert result.channels == [("web page", 1, 2), ("Slack", 1, 1)]
    assert [(c.name, c.known, c.conversations, c.messages) for c in result.careers] == [
        ("astronaut", False, 2, 2), ("registered nurse", True, 1, 1)]
    assert [c.name for c in result.careers_not_known] == ["astronaut"]
    assert [(u.text, u.reason) for u in result.unanswered] == [
        ("astronaut pay?", "career not in the bot yet"), ("how much do astronauts make", "career not in the bot yet")]
    assert result.topics == [("pay", 1)] and result.plans_started == 1 and result.plans_finished == 0


def test_turn_record_says_when_the_plan_starts_and_finishes() -> None:
    ask = Decision("plan_start", "plan", careers=("x",), plan=PlanMove("ask", question="stage"))
    assert turn_record(ask, State())["plan"] == "started"
    asked = State(pathway=PathwayState(question="stage", career="x"))
    assert turn_record(ask, asked)["plan"] is None  # the next question of a running plan
    done = Decision("plan_done", "plan", plan=PlanMove("plan"))
    assert turn_record(done, asked)["plan"] == "finished"
    assert TurnRecord.from_value("c", 1, 0.0, "not a record") is None
    assert TurnRecord.from_value("c", 1, 0.0, {"kind": "answer", "topics": ["pay", 3]}).topics == ("pay",)


def test_wrong_passwords_are_slowed_then_locked_out() -> None:
    clock = Clock()
    g = gate(clock)
    for _ in range(FREE_TRIES):
        assert g.sign_in("10.0.0.1", "wrong") is None
    assert clock.slept >= FREE_TRIES  # each wrong password waits a second
    assert g.wait_seconds("10.0.0.1") > 0
    assert g.sign_in("10.0.0.1", "right") is None  # locked out, even with the right password
    assert g.sign_in("10.0.0.2", "right") is not None  # another address is not
    clock.now += 31
    assert g.sign_in("10.0.0.1", "right") is not None


def test_sessions_expire_when_idle_and_end_on_sign_out() -> None:
    clock = Clock()
    g = gate(clock, idle=600)
    session = g.sign_in("a", "right")
    assert session is not None and g.session(session.token) is session
    clock.now += 500
    assert g.session(session.token) is session  # a request resets the idle time
    clock.now += 601
    assert g.session(session.token) is None
    again = g.sign_in("a", "right")
    assert again is not None
    g.sign_out(again.token)
    assert g.session(again.token) is None and g.session(None) is None and g.session("made-up") is None
    assert valid_form(again, again.csrf) and not valid_form(again, "x") and not valid_form(again, None)


def test_student_text_is_escaped_and_csv_cells_cannot_run_as_formulas() -> None:
    from bot.counselor.stats import Overview, Unanswered

    period = Period(date(2026, 12, 1), date(2026, 12, 1))
    data = Overview(period, unanswered=[Unanswered("web-<x>", period.start, "<script>alert(1)</script>", "why")])
    html = pages.dashboard(data, [], [], "tok", 30)
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert pages.to_csv(["a"], [["=1+1"], ["fine"]]).decode().splitlines() == ["a", "'=1+1", "fine"]


def test_every_unanswered_message_counts_though_the_list_shows_the_newest() -> None:
    period = Period(date(2026, 12, 1), date(2026, 12, 1))
    start = period.start
    records = [TurnRecord("web-a", n, start + n, "unknown_career", others=("astronaut",)) for n in range(1, 4)]
    result = overview(period, [], records, {}, {}, {}, max_unanswered=2)
    assert result.unanswered_count == 3 and len(result.unanswered) == 2
    assert [u.timestamp for u in result.unanswered] == [start + 3, start + 2]
    assert [(c.name, c.messages) for c in result.careers] == [("astronaut", 3)]


def test_a_reload_reads_only_new_turns_and_never_shows_a_forgotten_conversation(tmp_path) -> None:
    """The store keeps the turn records it has read; the events of the period are listed on every request, so a
    new turn is counted and a forgotten conversation's turns are gone at once."""
    import time as clock

    from bench.counselor import fill
    from bot.counselor.store import ConversationStore
    from bot.retention import forget

    path = tmp_path / "tracker.db"
    fill(path, 30)
    url = f"sqlite:///{path}"
    store = ConversationStore(url, 30)
    period = Period(date.fromtimestamp(clock.time() - 29 * 86400), date.today())
    first = store.overview(period, {})
    again = store.overview(period, {})
    assert (again.messages, again.kinds, again.careers) == (first.messages, first.kinds, first.careers)
    gone = next(c for c in store.conversations(period))
    forget(url, gone.conversation_id)
    after = store.overview(period, {})
    assert after.messages == first.messages - gone.messages
    assert sum(n for _, n in after.kinds) < sum(n for _, n in first.kinds)


def test_a_question_about_a_career_the_bot_lacks_counts_no_topic() -> None:
    """"how much do astronauts make": its topic is kept for the next turn, but the page counts it under "career not
    in the bot", not under the topics answered."""
    decision = Decision("unknown_career", "unknown_career", topics=("pay",), others=("astronaut",))
    assert turn_record(decision, State())["topics"] == []


def test_a_day_starts_at_local_midnight_in_a_half_hour_time_zone(tmp_path, monkeypatch) -> None:
    """The store counts messages per conversation and quarter hour; two messages twenty minutes apart, either side
    of midnight at UTC+5:30, fall on two days (one clock hour of UTC holds both)."""
    import sqlite3
    import time as clock

    from bot.counselor.store import ConversationStore

    monkeypatch.setenv("TZ", "IST-5:30")
    clock.tzset()
    try:
        today = date.fromtimestamp(clock.time())
        midnight = Period(today, today).start  # local midnight starting today
        path = tmp_path / "tracker.db"
        with sqlite3.connect(path) as db:
            db.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, sender_id VARCHAR(255), type_name VARCHAR(255), "
                       "timestamp FLOAT, intent_name VARCHAR(255), action_name VARCHAR(255), data TEXT)")
            db.executemany("INSERT INTO events (sender_id, type_name, timestamp, data) VALUES (?, 'user', ?, '{}')",
                           [("web-a", midnight - 600), ("web-a", midnight + 600), ("web-a", midnight + 700),
                            ("rest-b", midnight - 500)])
        result = ConversationStore(f"sqlite:///{path}", 30).overview(Period(today - timedelta(days=1), today), {})
        assert result.days == [(today - timedelta(days=1), 2, 2), (today, 1, 2)]
        assert (result.conversations, result.messages) == (2, 4)
        assert result.channels == [("web page", 1, 3), ("REST", 1, 1)]
    finally:
        monkeypatch.delenv("TZ")
        clock.tzset()
