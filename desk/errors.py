"""Errors a user can cause or meet, each with a French message fit to show as is."""


class DeskError(Exception):
    """An error whose message is meant for the person at the counter.

    ``message`` says what went wrong, ``hint`` what to do about it; neither
    carries a traceback or a technical detail the user cannot act on.
    """

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message}\n{self.hint}" if self.hint else self.message


class DatabaseConfigError(DeskError):
    """The database address cannot be used (unknown scheme, bad path)."""


class DatabaseMissingError(DatabaseConfigError):
    """No database at this path yet (no file, or an empty one): creating one needs the user's say-so."""

    def __init__(self, message: str, hint: str, path: str) -> None:
        super().__init__(message, hint)
        self.path = path


class DatabaseUnavailableError(DeskError):
    """The database cannot be reached or opened right now."""


class DatabaseLockedError(DatabaseUnavailableError):
    """Another desk holds what the action needs for longer than desk waits (a SQLite file, PostgreSQL rows)."""


class DatabaseReadOnlyError(DatabaseUnavailableError):
    """The database, or the folder its -wal and -shm files go in, cannot be written."""


class DatabaseFullError(DatabaseUnavailableError):
    """The disk that holds the database has no room left."""


class DatabaseVersionError(DeskError):
    """The database schema is not one this version of desk can work with."""


class ValidationError(DeskError):
    """Input that breaks a rule; ``field`` names the input when there is one."""

    def __init__(self, message: str, hint: str = "", field: str | None = None) -> None:
        super().__init__(message, hint)
        self.field = field
