"""The Qt face of timeline-app. Everything here listens to a Document; nothing flows back into the core."""
