"""The counselor page (``/counselor`` on the web port): what students ask, what the bot couldn't answer, handoffs."""
