"""store/extract."""
