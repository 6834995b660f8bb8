"""Answer building: plain functions that turn a decision and the knowledge files into the reply text."""
