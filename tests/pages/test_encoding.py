"""Bytes to text: declared charsets, GBK without a declaration, junk."""

import codecs

import pytest

from crawler.pages import PageParseError, decode_html
from crawler.pages.dom import parse_tree
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
    kept = ("&#9;&#10;&#13;&#x9;&#xA;&#xd;&#32;&#110;&#x6E;&#126;&#160;&#x7E;&#xA0;&#1270;"
            "&#x7F0;&#12288;&#xFFFD;&#655350;&#x1F600;")
    assert without_control_references(kept) == kept
    dropped = ("a&#0;&#8;&#11;&#012;&#14;&#31;&#00031;&#x0B;&#X1f;&#xc&#65534;&#xFFFF;"
               "&#127;&#x7f;&#129;&#x8D;&#143;&#x90;&#157;b")
    assert without_control_references(dropped) == "ab"


def test_references_to_c1_controls_read_as_windows_1252_like_a_browser() -> None:
    # Pages pasted from Word write "&#146;" for a right quote; libxml2 would keep U+0092.
    assert without_control_references("It&#146;s &#147;new&#148; &#150; &#x80;5") == \
        "It’s “new” – €5"
    html = b"<h1>Vcare&#146;s &#x93;VC004&#x94;</h1>"
    assert "Vcare’s “VC004”" in parse_tree(decode_html(html)).findtext(".//h1")


def test_icon_font_glyph_references_are_dropped() -> None:
    assert without_control_references("Next Page &#xe6a7;&#XE000;&#x0efff;&#59047;&#57344;") == \
        "Next Page "
    kept = "&#xdfff;&#xf000;&#xe00;&#57343;&#61440;&#xe6a7a;"
    assert without_control_references(kept) == kept


@pytest.mark.parametrize("code", [0x7F, 0x80, 0x85, 0x92, 0x9F, 0xE000, 0xE6A7, 0xEFFF])
def test_raw_del_c1_controls_and_icon_glyphs_are_dropped_in_every_encoding(code: int) -> None:
    text = f"<p>a{chr(code)}b é ¿</p>"
    for encoding in ("utf-8", "utf-16-le", "gb18030"):
        body = text.encode(encoding)
        if encoding == "utf-16-le":
            body = codecs.BOM_UTF16_LE + body
        # GB18030 maps real characters into the Private Use Area: a GB page keeps them.
        kept = encoding == "gb18030" and code >= 0xE000
        assert decode_html(body, encoding) == (text if kept else "<p>ab é ¿</p>"), encoding


def test_a_gb18030_character_in_the_private_use_area_is_kept() -> None:
    assert decode_html("<p>\u5a01".encode("gb18030") + b"\xfe\x51</p>", "gbk") == (
        "<p>\u5a01\ue816</p>")


def test_windows_1252_undefined_bytes_do_not_fail_a_latin_1_page() -> None:
    body = b'<meta charset="iso-8859-1"><p>caf\xe9 \x81 na\xefve r\xe9sum\xe9</p>'
    assert "caf\u00e9  na\u00efve r\u00e9sum\u00e9" in decode_html(body)


def test_a_page_labelled_latin_1_is_read_as_windows_1252() -> None:
    body = b'<meta charset="iso-8859-1"><p>Vcare\x92s \x93plan\x94 \x96 caf\xe9</p>'
    assert "Vcare’s “plan” – café" in decode_html(body)
    assert normalize_encoding("US-ASCII") == normalize_encoding("latin1") == "cp1252"



@pytest.mark.parametrize("label", ["undefined", "punycode", "no-such-codec"])
def test_a_charset_that_cannot_decode_the_page_is_passed_over(label: str) -> None:
    page = f'<meta charset="{label}"><h1>Titre \u00e9</h1>'
    assert decode_html(page.encode(), label) == page


def test_a_charset_label_that_is_no_name_at_all_is_ignored() -> None:
    assert normalize_encoding("utf-8\x00") is None
    assert decode_html("<h1>\u00e9</h1>".encode(), "utf-8\x00") == "<h1>\u00e9</h1>"


@pytest.mark.parametrize("spaces", [0, 1, 8, 9, 40])
def test_c1_controls_are_found_among_any_number_of_no_break_spaces(spaces: int) -> None:
    for tail in ("\x85", "\x9f", "", "\xa0"):
        text = "<p>a" + "\u00a0b" * spaces + tail + "©</p>"
        assert decode_html(text.encode(), "utf-8") == clean_text(text), (spaces, tail)
