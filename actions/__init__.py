"""Custom actions (rasa_sdk). Thin glue: knowledge + answer builders → dispatcher.

Modules are split by concern; none does I/O at import time (knowledge is loaded
lazily by bot.career.loader.default_store()).
"""
