"""View-models and image providers that the QML screens bind to (GUI thread only)."""
