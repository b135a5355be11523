"""The errors a researcher can fix: a bad path, option, parameter or input file.

Every layer raises these for problems in what it was given, with a message that names
the file, option or value and says what to do. The ``workbench`` command prints such an
error as one line and exits with status 2; any other exception is a bug and keeps its
traceback. Each concrete class is also a built-in error (``ValueError``, ``RuntimeError``),
so code that catches those keeps working.
"""

from __future__ import annotations


class UserError(Exception):
    """Base of every error in what the researcher gave, as opposed to a bug.

    Not raised itself: raise :class:`InputError` or a layer's own subclass
    (``CorpusError``, ``GazetteerError``, ``ParameterError``, ``ModelNotFoundError``).
    """


class InputError(UserError, ValueError):
    """A path, option, keyword value or input file that cannot be used.

    The message starts with what was given (``--only 'maps': no such notebook; ...``).
    """


__all__ = ["InputError", "UserError"]
