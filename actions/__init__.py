"""Custom actions (rasa_sdk): one action answers every message (respond.py); safety replies in safety.py.

Thin glue: the interpreter (bot/interpret/) decides, the answer builders
(bot/answers/) write the reply. No module does I/O at import time (knowledge is
loaded lazily by bot.knowledge.loader.default_store()).
"""
