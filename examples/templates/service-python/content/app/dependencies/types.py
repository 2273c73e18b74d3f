"""What every client module in this folder provides: `create(address)`
returns an object with these methods."""

from typing import Protocol


class Dependency(Protocol):
    def connect(self) -> None:
        """Opens the connection; raises when the dependency cannot be reached."""

    def check(self) -> None:
        """Returns when the dependency answers now; raises with the reason otherwise."""

    def close(self) -> None:
        """Closes the connection."""
