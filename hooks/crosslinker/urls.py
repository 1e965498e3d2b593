"""URLs from one page of the site to another, relative to the page that links, with no MkDocs import.

`relative_url` gives a page's URL as seen from another page, as `mkdocs.utils.get_relative_url` does
but with the home page as `../` rather than `..`; `url_for` makes the callback the linker and the
glossary ask for each link. A large site asks for one URL per link, so each URL's path parts are
cached and the common case (no folder in common) is a string concatenation.
"""

from __future__ import annotations

import functools
import posixpath
from collections.abc import Callable, Mapping


def url_for(page_url: str, urls: Mapping[str, str]) -> Callable[[str, str | None], str]:
    """A url_for(target src path, anchor) callback giving URLs relative to the page at `page_url`.

    `urls` maps src paths to page URLs; a target it does not know is returned as it is.
    """
    here = _folder(page_url)
    up = "../" * len(here)

    def target_url(target: str, anchor: str | None) -> str:
        url = urls.get(target)
        if url is None:
            url = target
        else:
            there, _slash, down = _parts_of(url)
            # Most often no folder in common: up to the root, then down to the target.
            url = up + down if here and there and here[0] != there[0] else _relative_to(here, url)
        return f"{url}#{anchor}" if anchor else url

    return target_url


def relative_url(target_url: str, page_url: str) -> str:
    """The URL of the page at `target_url` as seen from the page at `page_url`."""
    return _relative_to(_folder(page_url), target_url)


# -----------------------------------------------------------------------------
# Helpers
# -----------------------------------------------------------------------------


def _relative_to(here: tuple[str, ...], target_url: str) -> str:
    """The URL of a page relative to the folder whose path parts are `here`."""
    there, slash, _down = _parts_of(target_url)
    common = 0
    if here and there and here[0] == there[0]:
        for a, b in zip(here, there, strict=False):
            if a != b:
                break
            common += 1
    ups = len(here) - common
    rest = _join(there, common)
    if not ups:
        url = rest or "."
    elif rest:
        url = "../" * ups + rest
    else:
        url = "/".join([".."] * ups)
    return url + "/" if slash else url


@functools.cache
def _folder(page_url: str) -> tuple[str, ...]:
    """The path parts of the folder a page's relative links start from."""
    dirname, _, basename = page_url.rpartition("/")
    return _segments(dirname if "." in basename else page_url)


@functools.cache
def _parts_of(target_url: str) -> tuple[tuple[str, ...], bool, str]:
    """A target URL's path parts, whether its relative URL ends in a slash, and its path from the root."""
    parts = _segments(target_url)
    slash = target_url.endswith("/") or target_url == ""
    return parts, slash, "/".join(parts) + ("/" if slash and parts else "")


@functools.cache
def _join(parts: tuple[str, ...], start: int) -> str:
    return "/".join(parts[start:])


@functools.cache
def _segments(path: str) -> tuple[str, ...]:
    """A URL path's segments, normalised as MkDocs does (mkdocs.utils._norm_parts)."""
    path = posixpath.normpath("/" + path.lstrip("/"))[1:]
    return tuple(path.split("/")) if path else ()
