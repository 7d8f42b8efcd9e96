"""What the site's URLs say: article ids, canonical forms, editions."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit, urlunsplit

from w3lib.url import safe_url_string

# /news_detail/1988441189910183936-18-6.html or /news_detail/1988441189910183936.html,
# possibly under /zh/ or /en/; the id is the long number, the rest is the section path.
_ARTICLE_PATH = re.compile(r"/news_detail/(\d{4,})(?:-[0-9A-Za-z]+)*\.s?html?$", re.IGNORECASE)
_NEWS_LIST_PATH = re.compile(
    r"/(?:news|news_?list|news_?center|newslist|xinwen|xwzx|gsxw|hydt|zixun|press|media)"
    r"(?:[/_.-]|$)",
    re.IGNORECASE,
)
_PLAIN_URL = re.compile(r"^[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]*$")
_UNFOLLOWABLE = re.compile(r"^\s*(?:javascript:|mailto:|tel:|data:|#)", re.IGNORECASE)


def news_id_from_url(url: str) -> str | None:
    """The long number naming an article, or None when the URL is not an article."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:
        return None
    match = _ARTICLE_PATH.search(path)
    return match.group(1) if match else None


def is_article_url(url: str) -> bool:
    return news_id_from_url(url) is not None


def canonical_url(url: str) -> str:
    """Scheme, host and path as the site serves them; query and fragment dropped."""
    parts = urlsplit(safe_url_string(url.strip()))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", "", ""))


def absolute_url(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base`` (fragment dropped), or None if it leads nowhere."""
    if not href or _UNFOLLOWABLE.match(href):
        return None
    try:
        joined = urljoin(base, href.strip())
        parts = urlsplit(joined if _PLAIN_URL.match(joined) else safe_url_string(joined))
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", "file"):
        return None
    if parts.scheme != "file" and not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


def looks_like_news_list(url: str) -> bool:
    """A news section path (``/news/``, ``/news_list-18.html``) that is not an article."""
    if is_article_url(url):
        return False
    return bool(_NEWS_LIST_PATH.search(urlsplit(url).path))


def language_from_url(url: str) -> str | None:
    """``zh`` or ``en`` when the path prefix or the host names the edition."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    first = parts.path.lstrip("/").split("/", 1)[0].lower()
    host = (parts.hostname or "").split(".", 1)[0]
    for hint in (first, host):
        if hint in ("zh", "cn", "zh-cn", "zh_cn", "chs", "www-cn"):
            return "zh"
        if hint in ("en", "en-us", "eng", "english"):
            return "en"
    return None
