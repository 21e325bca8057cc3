"""Article -> Timeline. Pure Python, never imports Qt."""
