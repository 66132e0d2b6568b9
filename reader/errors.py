"""The project's one error type for bad input, and its exit codes.

Every failure a user can cause (a missing file, binary data, an existing output
file) is raised as a ``ReaderError``; the command line turns it into a one-line
message on stderr and ``exit_code``. Nothing else should reach the user.
"""

from __future__ import annotations

from enum import IntEnum


class ExitCode(IntEnum):
    """Exit codes of the ``reader`` command, documented in the README."""

    OK = 0
    FAILURE = 1  # some files of a batch failed
    USAGE = 2  # wrong arguments (argparse's own code)
    NOT_FOUND = 3  # missing path, or a directory where a file was expected
    NO_TEXT = 4  # empty, whitespace only, or no article text found
    NOT_TEXT = 5  # binary data, an image, a PDF
    TOO_LARGE = 6  # over the size limit
    OUTPUT_EXISTS = 7  # refusing to overwrite without --force
    OUTPUT_FAILED = 8  # could not write the output
    UNREADABLE = 9  # the path exists but cannot be read (permissions, I/O error)
    HOST_NOT_FOUND = 10  # a URL's host name does not resolve (DNS)
    CONNECTION_FAILED = 11  # a URL's server refused or broke the connection (or TLS failed)
    TIMEOUT = 12  # a URL's server did not answer in time
    HTTP_ERROR = 13  # a URL answered with an HTTP error status (404, 500, ...) or a bad redirect
    INTERRUPTED = 130


class ReaderError(Exception):
    """A failure caused by the input or the environment, shown to the user as one line."""

    def __init__(self, message: str, exit_code: ExitCode = ExitCode.FAILURE) -> None:
        super().__init__(message)
        self.message = message
        self.exit_code = exit_code

    def __str__(self) -> str:
        return self.message
