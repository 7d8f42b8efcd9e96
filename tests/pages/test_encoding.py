"""Bytes to text: declared charsets, GBK without a declaration, junk."""

import pytest

from crawler.pages import PageParseError, decode_html
from crawler.pages.encoding import clean_text, normalize_encoding, without_control_references

ZH = "<html><body><p>江苏威凯尔医药科技有限公司发布新闻：创新药获批临床。</p></body></html>"


def test_meta_charset_gb2312_is_read_as_gb18030() -> None:
    body = ZH.replace("<html>", '<html><meta charset="gb2312">').encode("gb18030")
    assert "威凯尔" in decode_html(body)


def test_gbk_only_characters_survive_a_gb2312_declaration() -> None:
    text = '<meta charset="gb2312"><p>镕</p>'  # 镕 is in GBK, not in GB2312
    assert "镕" in decode_html(text.encode("gbk"))


def test_undeclared_gbk_is_detected() -> None:
    assert "威凯尔" in decode_html(ZH.encode("gbk"))


def test_declared_encoding_wins_over_meta() -> None:
    body = '<meta charset="utf-8"><p>威凯尔</p>'.encode("gbk")
    assert "威凯尔" in decode_html(body, "GBK")


def test_wrong_meta_charset_falls_back_to_detection() -> None:
    body = '<meta charset="utf-8"><p>江苏威凯尔医药科技有限公司创新药获批临床试验</p>'.encode("gbk")
    assert "威凯尔" in decode_html(body)


def test_utf8_bom_is_honoured_and_removed() -> None:
    assert decode_html("\ufeff<p>é</p>".encode("utf-8-sig")) == "<p>é</p>"


def test_text_input_passes_through() -> None:
    assert decode_html("<p>x</p>") == "<p>x</p>"


def test_binary_data_is_not_a_page() -> None:
    with pytest.raises(PageParseError):
        decode_html(bytes(range(256)) * 8)


def test_utf8_pages_lose_the_same_control_characters_as_any_other() -> None:
    for code in [*range(0x00, 0x21), 0x7F, 0x85, 0xA0, 0xFEFF, 0xFFFD, 0xFFFE, 0xFFFF, 0x1F600]:
        text = f"\ufeff<p>a{chr(code)}b</p>"
        assert decode_html(text.encode("utf-8"), "utf-8") == clean_text(text), hex(code)


def test_only_references_to_control_characters_are_dropped() -> None:
    kept = "&#9;&#10;&#13;&#x9;&#xA;&#xd;&#32;&#110;&#x6E;&#127;&#12288;&#xFFFD;&#655350;&#x1F600;"
    assert without_control_references(kept) == kept
    dropped = "a&#0;&#8;&#11;&#012;&#14;&#31;&#00031;&#x0B;&#X1f;&#xc&#65534;&#xFFFF;b"
    assert without_control_references(dropped) == "ab"



@pytest.mark.parametrize("label", ["undefined", "punycode", "no-such-codec"])
def test_a_charset_that_cannot_decode_the_page_is_passed_over(label: str) -> None:
    page = f'<meta charset="{label}"><h1>Titre \u00e9</h1>'
    assert decode_html(page.encode(), label) == page


def test_a_charset_label_that_is_no_name_at_all_is_ignored() -> None:
    assert normalize_encoding("utf-8\x00") is None
    assert decode_html("<h1>\u00e9</h1>".encode(), "utf-8\x00") == "<h1>\u00e9</h1>"
