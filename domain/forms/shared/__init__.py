"""Question pieces that more than one log type uses."""
