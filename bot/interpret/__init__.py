"""What a turn means: one pure function from the NLU parse and the conversation state to a decision."""
