"""store/query."""
