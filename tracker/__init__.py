"""The channel tracker: the state of communication channels between states, from dated quotes."""

__version__ = "0.1.0"
