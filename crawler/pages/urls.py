"""What the site's URLs say: article ids, canonical forms, editions."""

from __future__ import annotations

import re
from functools import lru_cache
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
# URLs that quoting, IDNA and dot-segment removal leave as they are (the fast paths below).
_SIMPLE_URL = re.compile(
    r"^(?P<origin>https?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?)"
    r"(?P<path>/[A-Za-z0-9\-._~/]*)?(?:[?#].*)?$",
    re.IGNORECASE,
)
_SIMPLE_ROOT_PATH = re.compile(r"^/[A-Za-z0-9\-._~/]*(?:\?[A-Za-z0-9\-._~/=&%+,;:]*)?(?:#.*)?$")
_SIMPLE_ABSOLUTE = re.compile(
    r"^(?P<scheme>https?)://(?P<host>[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?)"
    r"(?P<path>/[A-Za-z0-9\-._~/]*)?(?:\?(?P<query>[A-Za-z0-9\-._~/=&%+,;:]*))?(?:#.*)?$",
    re.IGNORECASE,
)
# A plain article URL in one match: what _SIMPLE_URL and _ARTICLE_PATH would find together
# (nothing after the id but "-18-6" parts and the suffix, so only one "/news_detail/" fits).
# Letter case spelled out rather than IGNORECASE: twice as fast, and a URL only Unicode case
# folding (or a non-ASCII digit) would match takes the slow path, which gives the same answer.
_SIMPLE_ARTICLE_URL = re.compile(
    r"^(?P<origin>[Hh][Tt][Tt][Pp][Ss]?://[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*(?::\d+)?)"
    r"(?P<path>/(?:[A-Za-z0-9\-._~/]*/)?[Nn][Ee][Ww][Ss]_[Dd][Ee][Tt][Aa][Ii][Ll]/"
    r"(?P<id>[0-9]{4,})(?:-[0-9A-Za-z]+)*\.[Ss]?[Hh][Tt][Mm][Ll]?)(?:[?#].*)?$"
)
_FRONT_PAGE_PATH = re.compile(
    r"^/(?:(?:zh|cn|zh-cn|zh_cn|en|en-us|eng)/)?(?:(?:index|default|home)\.[a-z]{2,5})?$",
    re.IGNORECASE,
)
# Share links and campaign tags (WeChat, Alibaba's spm, ad clicks), and the places a shared
# link says it came from (``from=timeline``).
_TRACKING_KEYS = frozenset(("isappinstalled", "spm", "fbclid", "gclid", "msclkid",
                            "share_source", "share_medium", "share_from", "srcid", "clicktime",
                            "enterid"))
_SHARED_FROM = frozenset(("timeline", "singlemessage", "groupmessage", "message", "list",
                          "related", "share", "wechat", "weixin", "qq", "weibo", "app",
                          "homepage", "index"))
_DOT_SEGMENT = re.compile(r"//|/\.\.?(?:/|$|[?#])")


def _path(url: str) -> str | None:
    simple = _SIMPLE_URL.match(url)
    if simple:
        return simple.group("path") or ""
    try:
        return urlsplit(url.strip()).path
    except ValueError:
        return None


def news_id_from_url(url: str) -> str | None:
    """The long number naming an article, or None when the URL is not an article."""
    path = _path(url)
    if path is None:
        return None
    match = _ARTICLE_PATH.search(path)
    return match.group(1) if match else None


def article_identity(url: str) -> tuple[str, str] | None:
    """``(canonical_url(url), news_id_from_url(url))`` for an article URL, else None."""
    simple = _SIMPLE_ARTICLE_URL.match(url)
    if simple:
        return simple.group("origin").lower() + simple.group("path"), simple.group("id")
    news_id = news_id_from_url(url)
    return (canonical_url(url), news_id) if news_id else None


def is_article_url(url: str) -> bool:
    return news_id_from_url(url) is not None


def without_tracking(url: str) -> str:
    """``url`` without the query keys that only say how a visitor arrived (``utm_*``, WeChat's
    ``from=timeline&isappinstalled=0``, ``spm``...): the same page. Keys that choose what the
    page shows (``?page=3``, ``from=20``, ``from=2024-11-01``) stay, as written."""
    base, mark, rest = url.partition("?")
    if not mark:
        return url
    query, hash_mark, fragment = rest.partition("#")
    kept = [pair for pair in query.split("&") if pair and not _is_tracking(pair)]
    cleaned = f"{base}?{'&'.join(kept)}" if kept else base
    return f"{cleaned}#{fragment}" if hash_mark else cleaned


def _is_tracking(pair: str) -> bool:
    key, _, value = pair.partition("=")
    key = key.lower()
    if key == "from":  # also a range's start or a cursor ("from=2024-11-01"): only its sources
        return value.lower() in _SHARED_FROM
    return key.startswith("utm_") or key in _TRACKING_KEYS


def canonical_url(url: str) -> str:
    """Scheme, host and path as the site serves them; query and fragment dropped."""
    simple = _SIMPLE_URL.match(url)
    if simple:
        return simple.group("origin").lower() + (simple.group("path") or "/")
    parts = urlsplit(safe_url_string(url.strip()))
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path or "/", "", ""))


def absolute_url(base: str, href: str | None) -> str | None:
    """``href`` resolved against ``base`` (fragment dropped), or None if it leads nowhere."""
    if not href:
        return None
    # The two fast paths take only hrefs opening with "/" or "http", never unfollowable ones.
    if href[0] == "/":
        origin = _simple_origin(base)
        if origin and _SIMPLE_ROOT_PATH.match(href) and not _DOT_SEGMENT.search(href):
            # "/news/18-6.html?page=2#top" on a plain http(s) base: what urljoin would give
            path, _, query = href.partition("#")[0].partition("?")
            return f"{origin}{path}?{query}" if query else origin + path
    else:
        simple = _SIMPLE_ABSOLUTE.match(href)
        if simple and not _DOT_SEGMENT.search(simple.group("path") or ""):
            # "https://host/a/b.html?x=1#top": urljoin keeps it, the fragment goes
            scheme, host, path, query = simple.group("scheme", "host", "path", "query")
            url = f"{scheme.lower()}://{host}{path or '/'}"
            return f"{url}?{query}" if query else url
    if _UNFOLLOWABLE.match(href):
        return None
    try:
        joined = urljoin(base, href.strip())
        parts = urlsplit(joined if _PLAIN_URL.match(joined) else safe_url_string(joined))
        parts.port  # noqa: B018 -- raises ValueError for a port that is not one ("h:abc")
        if "[" in parts.netloc:  # an IPv6 host: w3lib (canonical_url) checks it more strictly
            safe_url_string(joined)
    except ValueError:
        return None
    if parts.scheme not in ("http", "https", "file"):
        return None
    if parts.scheme == "file" and not base.startswith("file:"):
        return None  # a page on the web cannot lead to a file on this disk
    if parts.scheme != "file" and not parts.netloc:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


@lru_cache(maxsize=256)
def _simple_origin(base: str) -> str | None:
    """``scheme://host[:port]`` of a plain http(s) base URL, else None."""
    simple = _SIMPLE_URL.match(base)
    if not simple or not _PLAIN_URL.match(base):
        return None
    scheme, rest = simple.group("origin").split("://", 1)
    return f"{scheme.lower()}://{rest}"


def looks_like_news_list(url: str) -> bool:
    """A news section path (``/news/``, ``/news_list-18.html``) that is not an article."""
    path = _path(url)
    if not path or _ARTICLE_PATH.search(path):
        return False
    return bool(_NEWS_LIST_PATH.search(path))


def is_front_page(url: str) -> bool:
    """The edition's home page: ``/``, ``/zh/``, ``/index.html`` (no query: a CMS serves its
    sections as ``/index.php?catid=5``)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return not parts.query and _FRONT_PAGE_PATH.match(parts.path or "/") is not None


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
