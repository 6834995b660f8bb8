"""Tooling: the command line, the launcher of the servers, training, the terminal chat, the web server."""
