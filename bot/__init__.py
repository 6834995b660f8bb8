"""Career-advice chatbot: our own Python (knowledge model, answers, launcher, CLI, channels)."""

import os

# TensorFlow (imported by spaCy and Rasa) is noisy on machines without a GPU.
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
