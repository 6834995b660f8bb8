"""Slack channel: Rasa's Slack connector with the checks a school deployment needs.

Rasa's ``SlackInput`` verifies Slack's request signature (HMAC of the raw body,
refusing timestamps more than five minutes off) and we keep that. On top of it
``SchoolSlackInput``:

- routes every turn through the shared guards (``bot.channels.guard``): message
  limits, an apology instead of silence, no message text in the logs;
- answers each Slack event at most once: Slack re-sends an event it thinks
  timed out (``X-Slack-Retry-Num``), and a channel @mention can arrive both as
  ``app_mention`` and ``message``; both are recognised by event id and by the
  message's channel + timestamp, remembered for an hour (in memory, or in Redis
  when ``CAREERBOT_REDIS_URL`` is set so several Rasa servers share it);
- ignores messages from bots (including itself) and system messages (joins,
  edits, topic changes);
- keeps one conversation per Slack member (``slack-<member id>``), so two
  students in one channel never share a conversation;
- sends buttons as Slack Block Kit buttons (all of them, not only five), whose
  clicks come back as interactive payloads and continue the conversation.

``SchoolSlackBot`` posts replies through slack_sdk's ``AsyncWebClient`` with a
configurable base URL (``SLACK_API_URL``; tests point it at a fake Slack Web API
on loopback) and logs Slack's error code, never the reply text, when Slack
refuses a message.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
import logging
import os
import re
import time
from collections import OrderedDict
from http import HTTPStatus
from typing import Any, Dict, Iterable, List, Optional, Set

from rasa.core.channels.channel import OutputChannel, UserMessage
from rasa.core.channels.slack import SlackBot, SlackInput
from sanic import Blueprint, response
from sanic.request import Request
from sanic.response import HTTPResponse
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_async_handlers import (
    AsyncConnectionErrorRetryHandler,
    AsyncRateLimitErrorRetryHandler,
)
from slack_sdk.web.async_client import AsyncWebClient

from bot.channels.guard import OnNewMessage, handle_message

logger = logging.getLogger(__name__)

DEFAULT_API_URL = "https://slack.com/api/"
API_URL_ENV = "SLACK_API_URL"
REDIS_URL_ENV = "CAREERBOT_REDIS_URL"
CONVERSATION_PREFIX = "slack-"
MAX_SIGNATURE_AGE_SECONDS = 5 * 60  # older requests may be replays
DEDUPE_TTL_SECONDS = 3600  # Slack retries after ~0 s, 1 min and 5 min
DEDUPE_MAX_ENTRIES = 20_000
DOUBLE_CLICK_SECONDS = 10  # a second click on the same button of the same message within this is ignored
SECTION_TEXT_LIMIT = 3000  # Slack's limit for a section block's text
BUTTON_TEXT_LIMIT = 75  # Slack's limit for a button label
BUTTONS_PER_BLOCK = 25  # Slack's limit for one actions block
# Message subtypes that are still a person typing to the bot; every other
# subtype (bot_message, channel_join, message_changed, ...) is ignored.
STUDENT_SUBTYPES = {None, "thread_broadcast", "file_share"}
MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


# --------------------------------------------------------------------------- dedupe


class RecentEvents:
    """Keys seen in the last ``ttl`` seconds, in memory, at most ``max_entries`` of them."""

    def __init__(self, ttl: float = DEDUPE_TTL_SECONDS, max_entries: int = DEDUPE_MAX_ENTRIES) -> None:
        self.ttl = ttl
        self.max_entries = max_entries
        self._expiry: OrderedDict[str, float] = OrderedDict()

    def _forget_old(self, now: float) -> None:
        while self._expiry:
            key, expires = next(iter(self._expiry.items()))
            if expires > now and len(self._expiry) <= self.max_entries:
                break
            del self._expiry[key]

    async def first_time(self, keys: Iterable[str]) -> bool:
        """Remember ``keys``; True if none of them was seen within the TTL."""
        now = time.monotonic()
        self._forget_old(now)
        keys = [key for key in keys if key]
        new = not any(key in self._expiry for key in keys)
        for key in keys:
            self._expiry.pop(key, None)
            self._expiry[key] = now + self.ttl
        self._forget_old(now)
        return new

    def __len__(self) -> int:
        return len(self._expiry)


class RedisRecentEvents(RecentEvents):
    """Seen keys shared through Redis (``SET key NX EX ttl``) by several Rasa servers.

    If Redis can't be reached the in-memory memory of this server is used, so a
    Redis outage can at worst cause a duplicate answer, never a lost one.
    """

    def __init__(self, url: str, ttl: float = DEDUPE_TTL_SECONDS, max_entries: int = DEDUPE_MAX_ENTRIES) -> None:
        super().__init__(ttl, max_entries)
        import redis.asyncio as redis_asyncio

        self._redis = redis_asyncio.from_url(url, socket_timeout=2, socket_connect_timeout=2)

    async def first_time(self, keys: Iterable[str]) -> bool:
        """Atomically mark ``keys`` in Redis; True if none was there yet."""
        keys = [key for key in keys if key]
        local = await super().first_time(keys)
        try:
            async with self._redis.pipeline(transaction=False) as pipe:
                for key in keys:
                    pipe.set(f"careerbot:slack:seen:{key}", "1", nx=True, ex=int(self.ttl))
                results = await pipe.execute()
        except Exception as error:  # noqa: BLE001 - Redis down must not silence the bot
            logger.warning("Slack dedupe: Redis unavailable (%s); using this server's memory.", type(error).__name__)
            return local
        return local and all(bool(result) for result in results)


def make_recent_events(ttl: float = DEDUPE_TTL_SECONDS) -> RecentEvents:
    """Redis-backed when ``CAREERBOT_REDIS_URL`` is set (several servers), else in memory."""
    url = os.environ.get(REDIS_URL_ENV, "").strip()
    return RedisRecentEvents(url, ttl) if url else RecentEvents(ttl)


# --------------------------------------------------------------------------- signature


def signature_is_valid(secret: str, timestamp: str, body: bytes, signature: str, now: Optional[float] = None) -> bool:
    """Tell whether Slack signed ``body`` with ``secret`` less than five minutes ago.

    Same check as Rasa's connector (and Slack's docs), but a malformed timestamp
    is simply refused instead of being logged.
    """
    if not secret or not timestamp.isdigit() or not signature.startswith("v0="):
        return False
    if abs((time.time() if now is None else now) - int(timestamp)) > MAX_SIGNATURE_AGE_SECONDS:
        return False
    digest = hmac.new(secret.encode("utf-8"), f"v0:{timestamp}:".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(f"v0={digest}", signature)


# --------------------------------------------------------------------------- formatting


def slack_escape(text: str) -> str:
    """Escape &, < and > so Slack shows them as text (no @channel or links injected)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _chunks(text: str, limit: int) -> List[str]:
    """Split text into pieces of at most ``limit`` characters, preferring line breaks."""
    pieces: List[str] = []
    while len(text) > limit:
        cut = text.rfind("\n", 0, limit)
        if cut <= 0:
            cut = limit
        pieces.append(text[:cut])
        text = text[cut:].lstrip("\n")
    if text:
        pieces.append(text)
    return pieces


def text_blocks(text: str) -> List[Dict[str, Any]]:
    """Section blocks showing ``text`` (plain text, split at Slack's size limit)."""
    return [
        {"type": "section", "text": {"type": "plain_text", "text": piece, "emoji": True}}
        for piece in _chunks(text.strip(), SECTION_TEXT_LIMIT)
    ]


def button_blocks(buttons: List[Dict[str, Any]]) -> List[Dict[str, Any]]:
    """Actions blocks with one Slack button per bot button; the payload is the button's value."""
    elements = [
        {
            "type": "button",
            "action_id": f"careerbot_button_{index}",
            "text": {"type": "plain_text", "text": str(button.get("title", ""))[:BUTTON_TEXT_LIMIT], "emoji": True},
            "value": str(button.get("payload", "")),
        }
        for index, button in enumerate(buttons)
    ]
    return [
        {
            "type": "actions",
            "block_id": f"careerbot_buttons_{start}",
            "elements": elements[start : start + BUTTONS_PER_BLOCK],
        }
        for start in range(0, len(elements), BUTTONS_PER_BLOCK)
    ]


# --------------------------------------------------------------------------- output


class SchoolSlackBot(SlackBot):
    """Posts the bot's replies to Slack (one Slack message per bot message)."""

    def __init__(
        self,
        token: str,
        slack_channel: Optional[str] = None,
        thread_id: Optional[str] = None,
        proxy: Optional[str] = None,
        api_url: str = DEFAULT_API_URL,
    ) -> None:
        super().__init__(token, slack_channel, thread_id, proxy)
        self.client = AsyncWebClient(
            token,
            base_url=api_url,
            proxy=proxy,
            retry_handlers=[AsyncConnectionErrorRetryHandler(), AsyncRateLimitErrorRetryHandler(max_retry_count=2)],
        )

    async def _post_message(self, channel: str, **kwargs: Any) -> None:
        """Post one message; Slack's refusals are logged with their error code (never the text)."""
        kwargs.pop("as_user", None)  # legacy; Slack apps with a bot token post as the bot
        if self.thread_id:
            kwargs["thread_ts"] = self.thread_id
        # A reply Slack refuses is logged (code and hint, never the text) and not
        # raised: the turn still completes, so the conversation stays consistent.
        try:
            await self.client.chat_postMessage(channel=channel, **kwargs)
        except SlackApiError as error:
            code = error.response.get("error") if error.response is not None else "unknown"
            logger.error("Slack refused a reply (error: %s). %s", code, _hint(str(code)))
        except Exception as error:  # noqa: BLE001 - network trouble must not break the turn
            logger.error("Could not reach the Slack Web API (%s); a reply was not delivered.", type(error).__name__)

    async def send_text_message(self, recipient_id: str, text: str, **kwargs: Any) -> None:
        """One Slack message with the whole text (Slack keeps its paragraphs)."""
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            text=slack_escape(text.strip()),
            blocks=text_blocks(text),
        )

    async def send_text_with_buttons(
        self, recipient_id: str, text: str, buttons: List[Dict[str, Any]], **kwargs: Any
    ) -> None:
        """Send the text as a section block and every button as a Slack button."""
        await self._post_message(
            channel=self.slack_channel or recipient_id,
            text=slack_escape(text.strip()),
            blocks=text_blocks(text) + button_blocks(buttons),
        )


def _hint(code: str) -> str:
    """Tell an admin what to check for a Slack error code."""
    hints = {
        "invalid_auth": "Check SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-...).",
        "not_authed": "Check SLACK_BOT_TOKEN (the Bot User OAuth Token, xoxb-...).",
        "token_revoked": "The app was uninstalled or its token revoked: reinstall it and update SLACK_BOT_TOKEN.",
        "account_inactive": "The app was uninstalled or its token revoked: reinstall it and update SLACK_BOT_TOKEN.",
        "not_in_channel": "Invite the bot to the channel (/invite @the-bot).",
        "channel_not_found": "Invite the bot to the channel, or check the app's scopes (docs/slack.md).",
        "missing_scope": "Add the missing bot scope (docs/slack.md) and reinstall the app.",
        "ratelimited": "Slack is rate-limiting the bot; replies resume shortly.",
    }
    return hints.get(code, "See docs/slack.md.")


# --------------------------------------------------------------------------- input


def _bot_user_ids(payload: Dict[str, Any]) -> List[str]:
    """Return the bot's own Slack member id(s) named in an event payload."""
    ids = [str(user) for user in payload.get("authed_users") or []]
    for authorization in payload.get("authorizations") or []:
        if isinstance(authorization, dict) and authorization.get("is_bot") and authorization.get("user_id"):
            ids.append(str(authorization["user_id"]))
    return ids


def ignore_reason(payload: Dict[str, Any]) -> Optional[str]:
    """Why an Events API payload is not a student's message to answer, or None to answer it."""
    if payload.get("type") != "event_callback":
        return "not an event"
    event = payload.get("event")
    if not isinstance(event, dict) or event.get("type") not in {"message", "app_mention"}:
        return "not a message"
    if event.get("bot_id") or event.get("bot_profile") or event.get("subtype") == "bot_message":
        return "message from a bot"
    if event.get("user") and event.get("user") in _bot_user_ids(payload):
        return "message from this bot"
    if event.get("subtype") not in STUDENT_SUBTYPES:
        return "system message"
    if not event.get("user"):
        return "no sender"
    if not isinstance(event.get("text"), str):
        return "no text"
    return None


def message_keys(payload: Dict[str, Any]) -> List[str]:
    """Return what identifies this delivery: the event id and the message (channel + timestamp)."""
    event = payload.get("event") or {}
    keys = []
    if payload.get("event_id"):
        keys.append(f"event:{payload['event_id']}")
    if event.get("channel") and event.get("ts"):
        keys.append(f"message:{event['channel']}:{event['ts']}")
    return keys


def click_keys(payload: Dict[str, Any]) -> List[str]:
    """What identifies a click for double-click detection: student, message with the buttons, button value."""
    user = (payload.get("user") or {}).get("id")
    channel = (payload.get("channel") or {}).get("id")
    message_ts = (payload.get("container") or {}).get("message_ts") or (payload.get("message") or {}).get("ts")
    value = (payload.get("actions") or [{}])[0].get("value")
    if not (user and message_ts and value):
        return []
    return [f"click:{channel}:{message_ts}:{user}:{value}"]


def event_metadata(payload: Dict[str, Any]) -> Dict[str, Any]:
    """Where to reply (channel, thread) and the bot's own ids, as Rasa's Slack connector records them."""
    event = payload.get("event") or {}
    return {
        "out_channel": event.get("channel"),
        "thread_id": event.get("thread_ts", event.get("ts")),
        "users": _bot_user_ids(payload),
        "channel_type": event.get("channel_type"),
    }


def is_direct_message_channel(channel_id: Optional[str], channel_type: Optional[str] = None) -> bool:
    """Tell whether a conversation is a DM with the bot (Slack DM channel ids start with D)."""
    return channel_type == "im" or str(channel_id or "").startswith("D")


def clean_text(text: str, bot_ids: List[str], mention: bool) -> str:
    """Return the student's words: the bot's @mention removed, Slack's link markup unwrapped."""
    text = SlackInput._sanitize_user_message(text, bot_ids)
    if mention:
        text = MENTION.sub(" ", text, count=1) if text.lstrip().startswith("<@") else text
    text = re.sub(r"<(?:https?|mailto):[^|>]*\|([^>]*)>", r"\1", text)
    text = re.sub(r"<((?:https?|mailto):[^>]*)>", r"\1", text)
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&").strip()


class SchoolSlackInput(SlackInput):
    """Rasa's Slack connector with dedupe, bot filtering, per-student conversations and the guards."""

    @classmethod
    def name(cls) -> str:
        """Keep Rasa's standard URL: /webhooks/slack/webhook."""
        return "slack"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.api_url: str = os.environ.get(API_URL_ENV, "").strip() or DEFAULT_API_URL
        if self.api_url.rstrip("/") != DEFAULT_API_URL.rstrip("/"):
            logger.warning("Slack replies go to a non-standard Slack Web API (%s=%s).", API_URL_ENV, self.api_url)
        self.recent: RecentEvents = make_recent_events()
        self.recent_clicks: RecentEvents = make_recent_events(DOUBLE_CLICK_SECONDS)
        self._tasks: Set[asyncio.Task[Any]] = set()

    def is_request_from_slack_authentic(self, request: Request) -> bool:
        """Check Slack's signature: HMAC-SHA256 of ``v0:{timestamp}:{body}``, timestamp within 5 minutes."""
        return signature_is_valid(
            self.slack_signing_secret,
            request.headers.get("X-Slack-Request-Timestamp", ""),
            request.body,
            request.headers.get("X-Slack-Signature", ""),
        )

    def _get_conversation_id(
        self, sender_id: Optional[str], channel_id: Optional[str], thread_id: Optional[str]
    ) -> Optional[str]:
        """``slack-<member id>`` (plus channel/thread for those granularities)."""
        conversation = super()._get_conversation_id(sender_id, channel_id, thread_id)
        return f"{CONVERSATION_PREFIX}{conversation}" if conversation else None

    def get_output_channel(self, channel: Optional[str] = None, thread_id: Optional[str] = None) -> OutputChannel:
        """Reply in the channel (or DM) the student wrote in."""
        return SchoolSlackBot(self.slack_token, channel or self.slack_channel, thread_id, self.proxy, self.api_url)

    def _start_turn(
        self, on_new_message: OnNewMessage, text: str, conversation_id: str, user_id: str, metadata: Dict[str, Any]
    ) -> None:
        """Run the turn in the background (Slack wants an answer within 3 s) through the guards.

        In a channel the reply goes into the thread of the student's message, so
        each student's exchange stays together; in a DM it goes in-line (or in a
        thread too with ``use_threads: true``).
        """
        in_channel = not is_direct_message_channel(metadata.get("out_channel"), metadata.get("channel_type"))
        thread_id = metadata.get("thread_id") if (self.use_threads or in_channel) else None
        output = self.get_output_channel(metadata.get("out_channel") or user_id, thread_id)
        message = UserMessage(text, output, conversation_id, input_channel=self.name(), metadata=metadata)

        async def turn() -> None:
            try:
                await handle_message(on_new_message, message)
            except Exception as error:  # noqa: BLE001 - nothing to tell the student if Slack itself fails
                logger.error("Slack turn could not be answered (%s).", type(error).__name__)

        task = asyncio.create_task(turn())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    async def _on_event(self, request: Request, payload: Dict[str, Any], on_new_message: OnNewMessage) -> HTTPResponse:
        """Handle an Events API callback: answer a student's message once, ignore the rest."""
        if payload.get("type") == "url_verification":
            return response.json({"challenge": payload.get("challenge")})
        reason = ignore_reason(payload)
        if reason is not None:
            logger.debug("Slack event ignored: %s.", reason)
            return response.text(f"ignored: {reason}")
        event = payload["event"]
        metadata = event_metadata(payload)
        if not self._is_supported_channel(payload, metadata):
            logger.debug("Slack message in a channel without an @mention ignored.")
            return response.text("ignored: not addressed to the bot")
        if not await self.recent.first_time(message_keys(payload)):
            logger.info(
                "Slack re-delivered an event (retry %s, reason %s); already answered.",
                request.headers.get(self.retry_num_header) or "-",
                request.headers.get(self.retry_reason_header) or "-",
            )
            return response.text("ignored: already answered", headers={"X-Slack-No-Retry": "1"})
        user_id = str(event["user"])
        conversation_id = self._get_conversation_id(user_id, metadata.get("out_channel"), metadata.get("thread_id"))
        text = clean_text(event["text"], _bot_user_ids(payload), mention=event.get("type") == "app_mention")
        self._start_turn(on_new_message, text, conversation_id or user_id, user_id, metadata)
        return response.text("")

    async def _on_interaction(
        self, request: Request, payload: Dict[str, Any], on_new_message: OnNewMessage
    ) -> HTTPResponse:
        """Handle a clicked button: its value (e.g. ``/ask_pay``) is the student's next message."""
        if not self._is_interactive_message(payload):
            return response.text("ignored: not a supported interaction")
        user_id = (payload.get("user") or {}).get("id")
        text = self._get_interactive_response(payload["actions"][0])
        if not user_id or text is None:
            return response.text("ignored: link button or no value")
        if not await self.recent_clicks.first_time(click_keys(payload)):
            logger.info("Slack button clicked twice within %s s; answered once.", DOUBLE_CLICK_SECONDS)
            return response.text("ignored: double click")
        channel_id = (payload.get("channel") or {}).get("id")
        message = payload.get("message") or {}
        thread_id = message.get("thread_ts", message.get("ts"))
        metadata = {"out_channel": channel_id, "thread_id": thread_id, "users": [user_id]}
        conversation_id = self._get_conversation_id(user_id, channel_id, thread_id)
        self._start_turn(on_new_message, text, conversation_id or user_id, user_id, metadata)
        return response.text("")

    def blueprint(self, on_new_message: OnNewMessage) -> Blueprint:
        """Health check and the webhook Slack calls for events and button clicks."""
        webhook = Blueprint("careerbot_slack", __name__)

        @webhook.route("/", methods=["GET"])
        async def health(_: Request) -> HTTPResponse:
            return response.json({"status": "ok"})

        @webhook.route("/webhook", methods=["POST"])
        async def receive(request: Request) -> HTTPResponse:
            if not self.is_request_from_slack_authentic(request):
                logger.warning("Refused a Slack request: missing, wrong or expired signature.")
                return response.text(
                    "Refused: the request is not signed with this app's signing secret, or its timestamp is "
                    "more than 5 minutes old.",
                    status=HTTPStatus.UNAUTHORIZED,
                )
            content_type = (request.headers.get("content-type") or "").split(";")[0].strip().lower()
            try:
                if content_type == "application/json":
                    payload = json.loads(request.body)
                    if isinstance(payload, dict):
                        return await self._on_event(request, payload, on_new_message)
                elif content_type == "application/x-www-form-urlencoded":
                    payload = json.loads(request.form.get("payload") or "")
                    if isinstance(payload, dict):
                        return await self._on_interaction(request, payload, on_new_message)
            except (ValueError, KeyError, TypeError) as error:
                logger.warning("Refused a malformed Slack request (%s).", type(error).__name__)
                return response.text("Malformed Slack request.", status=HTTPStatus.BAD_REQUEST)
            return response.text("Unsupported Slack request.", status=HTTPStatus.BAD_REQUEST)

        return webhook
