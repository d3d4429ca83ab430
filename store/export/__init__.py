"""store/export."""
