"""The words a visitor reads on the page, in the English and Chinese editions.

Labels are matched on visible text, never on markup, so a redesign that keeps the words
keeps the parser working. Colons may be ASCII ``:`` or full-width ``：``.
"""

from __future__ import annotations

import re

from crawler.pages.dates import is_date_only

COLON = r"\s*[:：]"

PUBLISHED = (
    r"Published\s*Time|Publish(?:ed)?\s*(?:Date|On)|Published|Release\s*(?:Time|Date)|"
    r"Posted\s*On|Post\s*Time|Date|Time|发布时间|发布日期|发表时间|发表日期|更新时间|日期|时间"
)
SOURCE = r"Source|From|文章来源|信息来源|新闻来源|来源|出处"
VIEWS = (
    r"Views|View\s*Count|Page\s*Views|Hits|Clicks|Reads|浏览次数|浏览量|浏览|阅读次数|阅读量|阅读"
    r"|点击次数|点击量|点击数|点击|人气|评论数|评论|Comments"
)
AUTHOR = r"Author|Editor|Writer|作者|编辑|责任编辑|撰稿"

# Every label's first character. Under IGNORECASE sre has no quick test of its own and tries
# each of the ~45 alternatives at every position; a lookahead on this class rejects most
# positions at once (case folding treats a class as it treats the letters themselves).
_LABEL_FIRST = "prdtsfvhcaew发更日时文信新来出浏阅点人评作编责撰"
# "相关阅读：" / "延伸阅读：" head a list of links in the text: not a reading count.
_NOT_READING_LIST = r"(?<!相关|延伸|推荐|拓展|扩展|深度|往期|精彩|更多)"
# A header line may hold several labels ("Published Time: … Source: … Views: 12").
META_LABEL = re.compile(
    rf"(?<![A-Za-z])(?=[{_LABEL_FIRST}])(?:(?P<published>{PUBLISHED})|(?P<source>{SOURCE})"
    rf"|{_NOT_READING_LIST}(?P<views>{VIEWS})|(?P<author>{AUTHOR})){COLON}",
    re.IGNORECASE,
)
# The same labels standing alone on a line, colon or not (a <dt>, a <th>, a label <span>).
META_LABEL_ALONE = re.compile(
    rf"^\s*(?:(?P<published>{PUBLISHED})|(?P<source>{SOURCE})|(?P<views>{VIEWS})"
    rf"|(?P<author>{AUTHOR}))(?:{COLON})?\s*$",
    re.IGNORECASE,
)
# A view counter shown beside the source: "浏览次数：1024", "Views: 12", "12 views".
# A reading time ("3 min read") stands there the same way.
VIEW_COUNTER = re.compile(
    rf"(?:(?<![A-Za-z])(?:{VIEWS})(?:{COLON})?\s*\d[\d,]*\s*(?:次)?|\d[\d,]*\s*(?:views|次浏览|次阅读)"
    r"|\d+\s*min(?:ute)?s?\s*read)",
    re.IGNORECASE,
)
# An item's category or tags as a labelled field ("分类:公司新闻", "Tags: VC005"). A comment
# count reads like a view counter (VIEWS holds 评论 and Comments).
FIELD_LABEL = re.compile(
    r"(?<![A-Za-z])(?:分类|栏目|类别|所属栏目|标签|Category|Categories|Tags?)\s*[:：]",
    re.IGNORECASE,
)
# A view count alone in its box ("386", "1,024次").
VIEW_COUNT = re.compile(r"^\s*\d[\d,]*\s*(?:次|views?|hits?)?\s*$", re.IGNORECASE)
HEADLINE_MAX = 160
VALUE_TRIM = " \t|丨｜/·•-–—,，;；:：()（）[]【】"

# Blogger and blog themes page through time: the "Older Post" is the previous article.
PREVIOUS = (
    r"Previous\s*(?:Page|Article|Post|News|One)?|Prev(?:\.|ious)?|Older\s*(?:Post|Article|Entry)"
    r"|上一篇|上一页|上一条|上一则|上篇|前一篇"
)
NEXT = (r"Next\s*(?:Page|Article|Post|News|One)?|Newer\s*(?:Post|Article|Entry)"
        r"|下一篇|下一页|下一条|下一则|下篇|后一篇")
PREVIOUS_AT_START = re.compile(rf"^\s*(?:{PREVIOUS})\s*(?:[:：]|$|[«‹<]+)", re.IGNORECASE)
NEXT_AT_START = re.compile(rf"^\s*(?:{NEXT})\s*(?:[:：]|$|[»›>]+)", re.IGNORECASE)
PREVIOUS_LINK_TEXT = re.compile(rf"^\s*(?:[«‹<]+\s*)?(?:{PREVIOUS})?\s*(?:[«‹<]+)?\s*$", re.I)
NEXT_LINK_TEXT = re.compile(rf"^\s*(?:{NEXT})?\s*(?:[»›>]+)?\s*$", re.IGNORECASE)
NEIGHBOUR_WORD = re.compile(rf"^\s*(?:{PREVIOUS}|{NEXT})\s*[:：]?\s*$", re.IGNORECASE)
NEIGHBOUR_LABEL_AT_END = re.compile(
    rf"(?<![A-Za-z])(?:(?P<previous>{PREVIOUS})|(?P<next>{NEXT}))\s*[:：]?\s*[«‹<»›>]*\s*$",
    re.IGNORECASE,
)
_BACK_TO_LIST = (r"[←«‹<]*\s*(?:返回列表|返回|Back\s*to\s*(?:the\s*)?(?:List|News|Index)|Back"
                 r"|Return)\s*[→»›>]*\s*$")
_SHARE = r"(?:Share(?:\s*to)?(?![A-Za-z])|分享到|分享(?=\s*(?:[:：]|$)))\s*[:：]?"
# A standfirst's label: a summary over the text is the header's.
SUMMARY_LABEL = re.compile(r"^\s*(?:摘要|导读|内容提要|提要|Summary|Abstract)\s*[:：]",
                           re.IGNORECASE)
# A share bar's own words, beside its links ("扫一扫 分享到朋友圈", "Share on WeChat").
SHARE_WORDS = re.compile(r"分享|扫一扫|扫码|朋友圈|微信|微博|QQ"
                         r"|(?<![A-Za-z])(?:Share|WeChat|Weibo|LinkedIn|Twitter|Facebook|QR)"
                         r"(?![A-Za-z])", re.IGNORECASE)
# What an error page says instead of a headline ("404", "页面不存在", "Page Not Found").
ERROR_PAGE_TITLE = re.compile(
    r"页面不存在|页面未找到|找不到(?:该|此|您)?页面|您访问的页面|^\s*(?:Error\s*)?404(?!\d)"
    r"|\bPage\s+(?:was\s+)?Not\s+Found|\bpage\s+(?:does\s+not|doesn[’']t)\s+exist",
    re.IGNORECASE,
)
# What sits right under an article's header: a share bar, a font-size switch, the comment
# count ("暂无评论", "3 comments").
_FONT_SIZE = r"[【\[]?\s*(?:字号|字体|Font\s*Size|Text\s*Size)\s*[:：]"
# A font-size switch after a header value on its line ("来源：新华社 【字体：大 中 小】").
FONT_SIZE = re.compile(_FONT_SIZE, re.IGNORECASE)
HEADER_TOOL = re.compile(
    rf"^\s*(?:{_SHARE}|{_FONT_SIZE}"
    r"|(?:暂无评论|No\s*comments(?:\s*yet)?|\d+\s*(?:条评论|comments?)|评论\s*[(（]\s*\d+\s*[)）])"
    r"\s*$)",
    re.IGNORECASE,
)
# What follows an article's body on its own short line: the way back, sharing, the article's
# tags or keywords, WeChat's "read the original", print/close tools ("【打印本页】【关闭窗口】"),
# the article's own page list ("共2页：上一页 [1] [2] 下一页"), the editor's credit
# ("（责任编辑：张三）"), a portal's tool row ("收藏0 分享2 打印"), DedeCMS's "顶一下 踩一下" votes.
_PAGE_TOOL = (r"(?:打印本页|打印此页|打印|关闭窗口|关闭|收藏本页|加入收藏|收藏本文|顶一下|踩一下"
              r"|Print(?:\s*this\s*Page)?|Close(?:\s*Window)?)")
# Discuz! and other portals: each tool with its count.
_TOOL_ROW = (r"(?:(?:收藏|分享|打印|点赞|赞|转发|举报|评论|Favou?rites?|Share|Print|Like|Email)"
             r"(?:\s*\d+)?\s*){2,}$")  # one way to read each space: no backtracking blow-up
# An attachments box under the text ("附件：" over document links).
ATTACHMENTS = re.compile(r"^\s*(?:相关附件|附件下载|附件|Attachments?)\s*[:：]", re.IGNORECASE)
# An editor's credit in brackets, which closes a text ("（编辑：陈雨）", "（审核：…）"); only
# after some text: a contributor's credit may open one.
CREDIT_LINE = re.compile(r"^\s*[(（]\s*(?:编辑|责编|编审|审核|校对)\s*[:：][^)）]{0,20}[)）]\s*$")
# The words of a published label that name the publication, not an event's "时间：".
PUBLICATION_WORD = re.compile(r"\s*(?:Publish|Release|Post|发布|发表|更新)", re.IGNORECASE)
AFTER_BODY = re.compile(
    rf"^\s*(?:{_BACK_TO_LIST}|{_SHARE}"
    r"|(?:Tags?|Keywords?|标签|关键词|关键字|相关热词搜索|热词|TAG\s*标签)\s*(?:[:：]|$)"
    rf"|阅读原文\s*$|[【\[]\s*{_PAGE_TOOL}\s*[】\]]|{_PAGE_TOOL}\s*$|{_TOOL_ROW}"
    r"|共\s*\d+\s*页\s*(?:[:：]|$|上一页|首页|\[)"
    r"|[(（]?\s*责任编辑\s*[:：][^)）]{0,20}[)）]?\s*$)",
    re.IGNORECASE,
)

# A blog engine's post footer under the text (WordPress themes: "This entry was posted in
# News and tagged VC005. Bookmark the permalink.", "This entry was posted on Tuesday, November
# 11th, 2025 at 5:02 pm and is filed under News."): as long as a sentence, never one.
_POST_FOOTER_START = re.compile(r"\s*This\s+entry\s+was\s+posted\s+(?:in|on|by)\s",
                                re.IGNORECASE)
_PERMALINK_AT_END = re.compile(r"Bookmark\s+the\s+permalink\.?\s*$", re.IGNORECASE)
_PERMALINK_REACH = 40  # "Bookmark the permalink." and some spacing


def is_post_footer(text: str) -> bool:
    """A blog engine's post footer line. Every line of the text is asked, so the search for
    "Bookmark the permalink" runs only on a line ending in "permalink" (ASCII letters)."""
    if _POST_FOOTER_START.match(text) is not None:
        return True
    return text[-12:].rstrip(". ").lower().endswith("permalink") and _PERMALINK_AT_END.search(
        text, max(0, len(text) - _PERMALINK_REACH)) is not None


# The heading over an article's comments (WordPress: "2 responses to “…”", "One thought on
# “…”", "Leave a Reply"), or a comment section's ("评论", "发表评论", "网友评论（3）").
COMMENTS_HEADING = re.compile(
    r"^\s*(?:(?:\d+|One)\s+(?:Responses?|Comments?|Repl(?:y|ies)|Thoughts?)\s+(?:to|on)\s+"
    r"[“\"‘'«「『]"
    r"|(?:\d+\s+)?Comments?\s*(?:\(\s*\d+\s*\))?\s*[:：]?\s*$|Leave\s+a\s+(?:Reply|Comment)\s*$"
    r"|(?:发表|网友|用户|全部|最新|热门)?评论(?:列表|区)?\s*(?:[(（]\s*\d+\s*[)）])?\s*[:：]?\s*$"
    r"|(?:共\s*)?\d+\s*条评论\s*$)",
    re.IGNORECASE,
)
_COMMENTS_FIRST = frozenset("0123456789OoCcLl发网用全最热评共")


def is_comments_heading(text: str) -> bool:
    """``COMMENTS_HEADING.match(text)``, asked of every line of the text: each heading opens
    with one of a few characters."""
    return text.lstrip()[:1] in _COMMENTS_FIRST and COMMENTS_HEADING.match(text) is not None


_HEADING_TAIL = r"\s*(?:[:：]|More\s*[+>»]*|更多\s*[+>»]*|[+>»]+)?\s*$"
# Chinese CMS designs set a heading over its English name ("最新资讯 LATEST", "相关新闻
# RELATED NEWS") or the other way round ("Related News / 相关新闻"): up to three words of the
# other script after the heading belong to it.
_LATIN_SUBTITLE = r"(?:\s*[/|]?\s*[A-Za-z]+(?:\s+[A-Za-z]+){0,2})?"
_CHINESE_SUBTITLE = r"(?:\s*[/|]?\s*[\u4e00-\u9fff]{2,8})?"
RELATED_HEADING = re.compile(
    r"^\s*(?:(?:Related\s*(?:News|Articles?|Posts?|Reading|Stories|Assets|Content)"
    rf"|Recommended\s*(?:News|Reading)|You\s*may\s*also\s*like){_CHINESE_SUBTITLE}"
    r"|(?:相关新闻|相关资讯|相关文章|相关阅读|相关推荐|相关内容|推荐新闻|推荐阅读)"
    rf"{_LATIN_SUBTITLE}){_HEADING_TAIL}",
    re.IGNORECASE,
)
# Weaker than RELATED_HEADING: read as it only where a page has no Related News heading, and
# only over news items ("相关链接" also heads links to other sites, within a text too).
OTHER_NEWS_HEADING = re.compile(
    r"^\s*(?:(?:More|Other)\s*(?:News|Articles|Stories)|Related\s*Links"
    r"|(?:更多|其他|其它)(?:新闻|资讯|文章)|相关链接)\s*$",
    re.IGNORECASE,
)
# "Posted on" words before a date, with no colon: "发布于 2025.10.20" (Typecho's breadcrumb).
PUBLISHED_ON = re.compile(r"(?:发布于|发表于|(?<![A-Za-z])(?:Posted|Published)\s+on)\s*[:：]?\s*",
                          re.IGNORECASE)
SIDEBAR_HEADING = re.compile(
    r"^\s*(?:(?:Latest\s*(?:News|Articles?|Posts?|Updates)|Recent\s*(?:News|Posts?|Articles?)"
    rf"|Hot\s*(?:News|Topics)|Popular\s*(?:News|Articles?)|Most\s*Read){_CHINESE_SUBTITLE}"
    r"|(?:最新新闻|最新资讯|最新动态|最新文章|最新发布|最近更新|热门新闻|热点新闻|热门资讯|热点资讯"
    r"|热门文章|热点文章|热门推荐|热点推荐|热门阅读|新闻排行|点击排行|阅读排行)"
    rf"{_LATIN_SUBTITLE}){_HEADING_TAIL}",
    re.IGNORECASE,
)
SECTION_NAME = re.compile(
    r"^\s*(?:(?:Company|Corporate|Industry|Latest|Media)\s*News|News(?:\s*(?:Center|Centre|Room"
    r"|&\s*Events|and\s*Events|&\s*Media))?|Newsroom|Press(?:\s*Releases?)?|Media\s*Coverage"
    r"|新闻|新闻中心|新闻动态|新闻资讯|公司新闻|企业新闻|公司动态|企业动态|行业动态|行业新闻"
    r"|行业资讯|资讯|资讯中心|媒体报道|媒体中心)\s*$",
    re.IGNORECASE,
)
EDITION_NAME = re.compile(
    r"^\s*(?:English|EN|ENG|中文|中文版|CN|ZH|简体中文|简体|繁體中文|繁体中文|Chinese)\s*$",
    re.IGNORECASE,
)
BREADCRUMB_START = re.compile(
    r"^\s*(?:Home(?:\s*Page)?|首页|主页|当前位置|您的位置|你的位置|您现在的位置|所在位置|位置"
    r"|Location|Current\s*Location|You\s*are\s*here|Your\s*location)\b",
    re.IGNORECASE,
)
_BREADCRUMB_FIRST = frozenset("HhLlCcYy首主当您你所位")
# The first character of any text the heading patterns match once trimmed (no letter other
# than these folds to them under IGNORECASE).
RELATED_FIRST = frozenset("RrYy相推")
SIDEBAR_FIRST = frozenset("LlRrHhPpMm最热新点阅")
BREADCRUMB_PREFIX = re.compile(
    r"^\s*(?:当前位置|您的位置|你的位置|您现在的位置|所在位置|位置|Location|Current\s*Location"
    r"|You\s*are\s*here|Your\s*location)\s*[:：]?\s*",
    re.IGNORECASE,
)
BREADCRUMB_HOME = re.compile(r"^\s*(?:Home(?:\s*Page)?|首页|主页|网站首页)\s*$", re.IGNORECASE)
BREADCRUMB_SEPARATOR = re.compile(r"\s*(?:>>|->|[>»›＞/\\|])\s*")
COPYRIGHT = re.compile(
    r"Copyright|©|版权所有|ICP备|公网安备|All\s*rights\s*reserved", re.IGNORECASE
)

_READ_MORE_WORDS = (r"(?:Read\s*More|More|Learn\s*More|Details?|View\s*(?:More|Details?)|"
                    r"查看详情|查看更多|查看全文|查看原文|点击查看|点击进入|点击阅读|了解更多|阅读全文|阅读更多"
                    r"|详情|详细(?:内容)?|更多|Download(?:\s*(?:PDF|File|Now))?|下载(?:附件|文件|PDF)?"
                    r"|PDF\s*下载)")
# A "Read more" button: the words, arrows, or both, sometimes in brackets ("[详细]").
READ_MORE = re.compile(
    rf"^\s*(?:[\[【]\s*{_READ_MORE_WORDS}\s*[+>»›→]*\s*[\]】]|{_READ_MORE_WORDS}?\s*[+>»›→]*)\s*$",
    re.IGNORECASE,
)
# The same words ending a line ("发布时间：2024-10-04 查看详情 >"): a button after a date.
READ_MORE_AT_END = re.compile(
    rf"\s*(?:[\[【]\s*{_READ_MORE_WORDS}\s*[+>»›→]*\s*[\]】]|{_READ_MORE_WORDS}\s*[+>»›→]*)\s*$",
    re.IGNORECASE,
)
# A drawn rule: a run of dashes or the like, with at most a word in it (DedeCMS prints
# "------分隔线----------" under every article body; "—— END ——" closes many others).
_RULE_RUN = re.compile(r"[-—─━=_~*]{4}")
_RULE_CHARACTERS = str.maketrans(dict.fromkeys("-—─━=_~*·• \u3000"))
_RULE_WORD_MAX = 6
RULE_LINE_MAX = 80

# A blog's pager pages back in time: its "Older posts" is the next page.
PAGE_NEXT = re.compile(
    r"^\s*(?:Next(?:\s*Page)?|(?:[«←‹<]\s*)?Older\s*(?:Posts|Entries|Articles|Stories)|下一页|下页"
    r"|后一页)?"
    r"\s*[>»›→]?\s*$",
    re.IGNORECASE,
)
# A listing without a Next may have a "Load more" button: a script appends the next page's
# items, and without scripts its href is that page.
LOAD_MORE = re.compile(r"^\s*(?:Load\s*More|Show\s*More|加载更多|查看更多新闻)\s*[>»›→+]?\s*$",
                       re.IGNORECASE)
# The pager's other links, arrows on either side or alone ("<< First", "Last >>", "末页").
PAGER_WORD = re.compile(
    r"^\s*(?:[<«‹]+\s*)?(?:First(?:\s*Page)?|Last(?:\s*Page)?|End|Prev(?:ious)?(?:\s*Page)?"
    r"|首页|尾页|末页|最后一页|第一页|上一页|上页)\s*(?:[>»›]+)?\s*$|^\s*(?:[<«‹]+|[>»›]{2})\s*$",
    re.IGNORECASE,
)
PAGE_NUMBER = re.compile(r"^\s*\[?\s*\d{1,4}\s*\]?\s*$")


def is_page_next(text: str) -> bool:
    """``Next``, ``下一页``, ``>``, ``»`` (but not an empty string or ``>>`` last-page)."""
    stripped = text.strip()
    return bool(stripped) and stripped not in (">>", "»»") and bool(PAGE_NEXT.match(stripped))


# The searches below run on every line of a page; each skips its (slow, case-insensitive)
# regex when the line lacks something every match must contain.


def mentions_copyright(text: str) -> bool:
    """``COPYRIGHT.search(text)``: a match holds ©, 备, 版权所有, "copyright" or "rights"
    (IGNORECASE also takes ı and İ for i and ſ for s, which lower() does not turn into them).
    备 alone is prose (具备, 设备, 准备): only "ICP备" / "公网安备" count, so the regex decides."""
    if "©" in text or "版权所有" in text:
        return True
    if "备" not in text and "ı" not in text and "İ" not in text and "ſ" not in text:
        lowered = text.lower()
        if "copyright" not in lowered and "rights" not in lowered:
            return False
    return COPYRIGHT.search(text) is not None


_COPYRIGHT_MARKS = tuple(mark.encode() for mark in ("©", "备", "版权所有"))
_COPYRIGHT_WORDS = (b"copyright", b"rights")


def lines_mentioning_copyright(lines: list) -> list:
    """The lines (objects with a one-line ``text``) whose text ``mentions_copyright``: the
    marks are looked for in the page's text at once, and only the lines holding one are
    checked.

    The search runs on the UTF-8 bytes: ``bytes.lower()`` folds ASCII only, which is all
    ``str.lower()`` could fold into these ASCII words once ı, İ and ſ are ruled out, and it
    costs a tenth of lowering a Chinese page's text."""
    texts = [line.text for line in lines]
    joined = "\n".join(texts)
    if "ı" in joined or "İ" in joined or "ſ" in joined:  # lower() cannot find these
        return [line for line in lines if mentions_copyright(line.text)]
    data = joined.encode("utf-8", "surrogatepass")
    if data.count(b"\n") != len(texts) - 1:  # a text of several lines: no index by count
        return [line for line in lines if mentions_copyright(line.text)]
    offsets = []
    for haystack, needles in ((data, _COPYRIGHT_MARKS), (data.lower(), _COPYRIGHT_WORDS)):
        for needle in needles:
            found = haystack.find(needle)
            while found >= 0:
                offsets.append(found)
                found = haystack.find(needle, found + 1)
    if not offsets:
        return []
    # A line's index is the number of line breaks before its offset (no text holds "\n").
    candidates = sorted({data.count(b"\n", 0, offset) for offset in offsets})
    return [lines[index] for index in candidates if mentions_copyright(texts[index])]


def meta_labels(text: str) -> list[re.Match[str]]:
    """``META_LABEL.finditer(text)``: every label ends in a colon."""
    if ":" not in text and "：" not in text:
        return []
    return list(META_LABEL.finditer(text))


def is_edition_name(text: str) -> bool:
    """``EDITION_NAME.match(text)``: the names are at most 7 characters ("English")."""
    return (len(text) <= 7 or len(text.strip()) <= 7) and EDITION_NAME.match(text) is not None


def starts_breadcrumb(text: str) -> bool:
    """``BREADCRUMB_START.match(text)``: every start word begins with one of these letters."""
    return text.lstrip()[:1] in _BREADCRUMB_FIRST and BREADCRUMB_START.match(text) is not None


def label_alone(text: str) -> re.Match[str] | None:
    """``META_LABEL_ALONE.match(text)`` for text with single spaces (``Line.spaced``): the
    longest label ("Published Time") with its colon is 16 characters."""
    return META_LABEL_ALONE.match(text) if len(text) <= 30 else None


def first_meta_label(text: str) -> re.Match[str] | None:
    if ":" not in text and "：" not in text:
        return None
    return META_LABEL.search(text)


def is_labelled_date(text: str) -> bool:
    """A date under its label and nothing else: ``发布日期：2024-10-13``, ``Date: Oct 13, 2024``."""
    match = first_meta_label(text)
    if match is None or match.lastgroup != "published" or text[: match.start()].strip():
        return False
    return is_date_only(text[match.end():].strip())


def reads_as_headline(text: str) -> bool:
    """A line of a few words that is no label, date, section name or "Home > News" trail."""
    if not 4 <= len(text) <= HEADLINE_MAX or not any(map(str.isalpha, text)):
        return False
    if text.endswith((":", "：")) or is_date_only(text) or first_meta_label(text):
        return False
    return not (SECTION_NAME.match(text) or starts_breadcrumb(text)
                or RELATED_HEADING.match(text) or SIDEBAR_HEADING.match(text))


def is_header_value(name: str, value: str) -> bool:
    """A view count reads as a number ("386", "1,024次"); an author as a short name."""
    if name == "views":
        return VIEW_COUNT.match(value) is not None
    return len(value.strip()) <= 40 and not reads_as_sentence(value)


def reads_as_sentence(text: str) -> bool:
    """Prose, not a name: ends in a full stop (or ! ?) after a clause of some length."""
    text = text.strip()
    if text.endswith(("。", "！", "？")):
        return len(text) > 10
    if text.endswith((".", "!", "?")):
        return len(text.split()) >= 8
    return False


def is_rule_line(text: str) -> bool:
    """A line that only draws a rule ("------分隔线------", "———— END ————")."""
    return (len(text) <= RULE_LINE_MAX and _RULE_RUN.search(text) is not None
            and len(text.translate(_RULE_CHARACTERS)) <= _RULE_WORD_MAX)


def is_pager_line(runs: list[str]) -> bool:
    """A line of pager links and page numbers only ("上一页 [1] [2] 下一页"), a pager word
    among them ("2023 2024" is two years)."""
    numbers = [bool(PAGE_NUMBER.match(run)) for run in runs]
    return len(runs) > 1 and not all(numbers) and all(
        number or PAGER_WORD.match(run) or is_page_next(run)
        for number, run in zip(numbers, runs, strict=True)
    )
