"""Errors a user sees: one line naming the file and the reason."""


class InputError(Exception):
    """A file that cannot become a document (unsupported, empty, corrupt, scanned …)."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason
