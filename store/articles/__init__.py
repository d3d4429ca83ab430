"""store/articles."""
