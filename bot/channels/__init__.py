"""Channel glue loaded by Rasa (credentials.yml names these classes).

Every channel goes through ``guard``: empty or over-long messages get a friendly
reply without reaching NLU, a turn that produced no reply (action server down)
gets an apology, and message text never reaches the logs.
"""
