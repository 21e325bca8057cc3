"""timeline-app: read a news article, show what happened when, who says so, and how the world reacted."""
__version__ = "0.1.0"
