"""The counter's devices: the thermal ticket printer with its cash drawer, and the card terminal."""
