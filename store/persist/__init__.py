"""store/persist."""
