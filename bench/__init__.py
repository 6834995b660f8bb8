"""`make bench`: accuracy, out-of-scope handling, latency, start-up, memory and training time."""
