"""The step-by-step education plan: its questions, how free-text answers are read, and the plan built from them."""
