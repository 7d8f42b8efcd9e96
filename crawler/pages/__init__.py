"""Pure page parsing for the company's news site: (url, html) in, items out.

No Scrapy, no database: every function here is a function of the page alone. Pages are
read the way a visitor reads them (labels, headings, dates, the ``/news_detail/<id>``
link pattern), so markup changes that keep the words keep the parser working.
"""

from crawler.pages.encoding import decode_html
from crawler.pages.errors import PageParseError
from crawler.pages.page import ParsedPage, parse_article, parse_listing, parse_page
from crawler.pages.urls import canonical_url, is_article_url, news_id_from_url

__all__ = [
    "PageParseError",
    "ParsedPage",
    "canonical_url",
    "decode_html",
    "is_article_url",
    "news_id_from_url",
    "parse_article",
    "parse_listing",
    "parse_page",
]
