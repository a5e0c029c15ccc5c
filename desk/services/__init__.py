"""The use cases of the counter. Each takes a session and returns plain data; no Qt here."""
