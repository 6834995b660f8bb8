"""Telling counselors: a handoff or crisis flag posted to the counselors' Slack channel.

Only when Slack is set up (``SLACK_BOT_TOKEN``) and the school names a channel
(``handoff.slack_channel`` in knowledge/school.yml, or
``CAREERBOT_COUNSELOR_SLACK_CHANNEL``). The record is always stored first
(bot/safety/handoffs.py); a Slack failure is logged without any content and
never keeps the student waiting.
"""

from __future__ import annotations

import asyncio
import logging
import os
import time
from typing import List

from bot.safety.handoffs import CRISIS, Record

logger = logging.getLogger(__name__)

TOKEN_ENV = "SLACK_BOT_TOKEN"
API_URL_ENV = "SLACK_API_URL"  # tests point this at a fake Slack Web API
DEFAULT_API_URL = "https://slack.com/api/"
TIMEOUT_SECONDS = 5.0


def summary_lines(record: Record) -> List[str]:
    """The record as a counselor reads it (also used by ``make handoffs``)."""
    when = time.strftime("%Y-%m-%d %H:%M", time.localtime(record.created_at))
    if record.kind == CRISIS:
        heading = f"CRISIS FLAG {record.code}: a student's message may be about suicide, self-harm, abuse, " \
                  f"violence or danger{' happening now' if record.danger_now else ''}. " \
                  "The bot gave the crisis lines, 911 and the counseling office."
    else:
        heading = f"HANDOFF {record.code}: a student asked to talk to a counselor and agreed to share this chat."
    lines = [heading, f"When: {when}   Channel: {record.channel or 'unknown'}   Conversation: {record.conversation_id}"]
    lines.append(f"Careers asked about: {', '.join(record.careers) or 'none'}")
    lines.append(f"Topics asked about: {', '.join(t.replace('_', ' ') for t in record.topics) or 'none'}")
    if record.pathway:
        lines.append("Plan answers: " + ", ".join(f"{k}: {v.replace('_', ' ')}" for k, v in record.pathway.items()))
    if record.last_messages:
        lines.append("Last messages (personal details masked):")
        lines += [f"  > {message}" for message in record.last_messages]
    return lines


async def post_to_counselors(record: Record, channel: str) -> bool:
    """Post the record to the counselors' Slack channel; True if Slack accepted it."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token or not channel:
        return False
    from slack_sdk.errors import SlackApiError
    from slack_sdk.web.async_client import AsyncWebClient

    client = AsyncWebClient(token, base_url=os.environ.get(API_URL_ENV, DEFAULT_API_URL))
    text = "\n".join(summary_lines(record))
    try:
        await asyncio.wait_for(client.chat_postMessage(channel=channel, text=text), TIMEOUT_SECONDS)
        return True
    except SlackApiError as error:
        code = error.response.get("error") if error.response is not None else "unknown"
        logger.error("Slack refused the counselor notice (error: %s); it is in the handoff store.", code)
    except Exception as error:  # noqa: BLE001 - never break the student's turn
        logger.error("Could not post the counselor notice to Slack (%s); it is in the handoff store.",
                     type(error).__name__)
    return False
