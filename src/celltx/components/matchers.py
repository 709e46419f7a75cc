"""Calling the matchers inside scispaCy and medspaCy, which may hold no patterns by design.

spaCy warns (W036) every time a ``Matcher`` without patterns is called. Two libraries celltx
runs call such matchers as a matter of course: scispaCy's abbreviation detector calls its
"global" matcher even when the text defines no abbreviation (it is filled per document), and
medspaCy's ConText calls its token matcher even when it is empty, as it is once celltx has
turned ConText's literal-word rules into faster phrase rules
(:func:`celltx.components.context.expand_token_rules`). In those calls the warning says
nothing about a mistake, and it used to flood every test run (it was silenced for the whole
suite); :func:`empty_matchers_allowed` silences exactly that warning around exactly those
calls, so a W036 from anywhere else still shows.
"""

from __future__ import annotations

import contextlib
import warnings
from collections.abc import Iterator


@contextlib.contextmanager
def empty_matchers_allowed() -> Iterator[None]:
    """Within the block, spaCy's W036 ("does not have any patterns defined") is not shown."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message=r"\[W036\]", category=UserWarning)
        yield
