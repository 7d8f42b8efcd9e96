# cython: language_level=3, boundscheck=False, wraparound=False
"""``Document._walk`` compiled: the same walk, reading lxml's tree through its C API.

The parser's hottest loop (every element of every page) spends most of its time in the
interpreter: a bytecode dispatch per step, an ``attrib`` object built to ask whether an
element has attributes, ``len()`` to ask whether it has children. Here those are C reads of
libxml2's node (``properties``, ``children``), and each tag's name and kind (block box, chrome
tag) is looked up once per page rather than once per element.

``Document._walk`` in ``dom.py`` is the definition; this is a translation of it, line for
line, and must give the same lines, keys, chrome boxes and tail keys (``tests/pages/
test_compiled_walk.py`` compares the two on every stored page). Change both or neither.
``crawler.pages.compiled`` decides whether this module is used (built, built from this very
source, built against the lxml that is running).
"""

from cpython.dict cimport PyDict_GetItem
from cpython.ref cimport PyObject
from libc.string cimport strchr, strcmp, strncmp
from lxml.includes cimport tree
from lxml.includes.tree cimport const_xmlChar
from lxml.includes.etreepublic cimport (
    _Document,
    _Element,
    _isElement,
    attributeValue,
    elementFactory,
    hasChild,
    import_lxml__etree,
    tailOf,
    textOf,
)


cdef extern from "lxml-version.h":
    cdef char* LXML_VERSION_STRING

cdef extern from "vcare_walk_source.h":
    # Written by setup.py when it builds this module: the SHA-256 of this file's bytes.
    cdef char* VCARE_WALK_SOURCE_SHA256

import_lxml__etree()

BUILT_FOR_LXML = LXML_VERSION_STRING.decode("ascii")
SOURCE_SHA256 = VCARE_WALK_SOURCE_SHA256.decode("ascii")

# dom.py's names, handed over by ``bind`` (importing dom from here would be circular).
cdef object Line = None
cdef frozenset BLOCK_TAGS = frozenset()
cdef frozenset CHROME_TAGS = frozenset()
cdef frozenset CHROME_ROLES = frozenset()
cdef object names_chrome = None
cdef tuple END_STEP = ()
cdef tuple TAIL_STEP = ()


def bind(line, block_tags, chrome_tags, chrome_roles, names_chrome_, end_step, tail_step):
    """Take dom.py's ``Line`` class, tag sets, chrome-name test and key steps."""
    global Line, BLOCK_TAGS, CHROME_TAGS, CHROME_ROLES, names_chrome, END_STEP, TAIL_STEP
    Line, names_chrome = line, names_chrome_
    BLOCK_TAGS, CHROME_TAGS, CHROME_ROLES = (
        frozenset(block_tags), frozenset(chrome_tags), frozenset(chrome_roles))
    END_STEP, TAIL_STEP = tuple(end_step), tuple(tail_step)


cdef object _attribute(tree.xmlNode* node, const char* name):
    """``element.get(name)`` for a name without a namespace: the attribute libxml2's
    xmlGetNoNsProp would find (libxml2's own functions are not exported by lxml's build),
    read by lxml. Skips lxml's parse of a Python key, a sixth of the walk's cost."""
    cdef tree.xmlAttr* attribute = node.properties
    while attribute is not NULL:
        if attribute.ns is NULL and strcmp(<const char*>attribute.name, name) == 0:
            return attributeValue(node, attribute)
        attribute = attribute.next
    return None


cdef enum Run:
    NO_TEXT  # None or "": nothing to read
    BLANK  # ASCII whitespace only: what str.strip() empties, known without making the str
    TEXT  # anything else: read as a str


cdef Run _run_at(tree.xmlNode* node) noexcept:
    """What lxml's ``.text`` / ``.tail`` would give, read from ``node`` (an element's first
    child, or the node after it) the way lxml collects it: consecutive text and CDATA nodes,
    XInclude markers skipped. Most runs on a page are the indentation between tags."""
    cdef const_xmlChar* c
    cdef Run found = NO_TEXT
    while node is not NULL:
        if node.type == tree.XML_TEXT_NODE or node.type == tree.XML_CDATA_SECTION_NODE:
            c = node.content
            while c[0] != 0:
                if c[0] not in b" \t\n\r\f\v":
                    return TEXT
                found = BLANK
                c += 1
        elif node.type != tree.XML_XINCLUDE_START and node.type != tree.XML_XINCLUDE_END:
            break
        node = node.next
    return found


cdef object _new_line(object block, double key, str raw, str words):
    """``Line(block, key, raw, words)`` without running its Python ``__init__`` (which
    this mirrors: keep the two in step)."""
    line = Line.__new__(Line)
    line.block = block
    line.start = line.end = key
    line.raw = [raw]
    line.words = [words]
    line.keys = [key]
    line.text = line.spaced = words
    line.related = line.sidebar = line.copyright = False
    return line


cdef class _Walk:
    """One page's walk: the index being filled, and the page's tags by libxml2 name."""
    cdef _Document doc
    cdef list lines, boxes
    cdef dict ends, tails
    # libxml2 interns element names in the document's dictionary, so during one walk a name
    # pointer stands for one tag: (tag, is a block, is a chrome tag), worked out once.
    cdef dict kinds

    cdef tuple walk(self, _Element element, Py_ssize_t depth, object block, Py_ssize_t latest,
                    object current, bint pending_break):
        cdef tree.xmlNode* node
        cdef _Element child
        cdef PyObject* known
        cdef tuple kind
        cdef bint is_block, is_chrome_tag
        cdef double end_step, tail_step
        cdef dict ends = self.ends, tails = self.tails
        cdef list lines = self.lines, boxes = self.boxes
        depth += 1  # the children's
        if depth < len(END_STEP):
            end_step, tail_step = END_STEP[depth], TAIL_STEP[depth]
        else:
            end_step, tail_step = 0.4 / (depth + 1.5), 0.4 / (depth + 1)
        node = element._c_node.children
        while node is not NULL:
            if not _isElement(node):  # what iterating an lxml element skips: text nodes
                node = node.next
                continue
            latest += 1
            child = elementFactory(self.doc, node)
            plain = node.type == tree.XML_ELEMENT_NODE
            if plain and node.ns is NULL:
                known = PyDict_GetItem(self.kinds, <size_t>node.name)
                if known is NULL:
                    tag = child.tag
                    kind = (tag, tag in BLOCK_TAGS, tag in CHROME_TAGS)
                    self.kinds[<size_t>node.name] = kind
                else:
                    kind = <tuple>known
                tag, is_block, is_chrome_tag = kind
            else:
                tag = child.tag
                is_block, is_chrome_tag = tag in BLOCK_TAGS, tag in CHROME_TAGS
            box = child if is_block else block
            # The rule of _marks_chrome, written out (as in Document._walk).
            if is_chrome_tag:
                boxes.append(child)
            elif node.properties is not NULL:
                names = _attribute(node, "class")
                if names and names_chrome(names):
                    boxes.append(child)
                else:
                    key = _attribute(node, "id")
                    if (key and names_chrome(key)) or _attribute(node, "role") in CHROME_ROLES:
                        boxes.append(child)
            run = _run_at(node.children) if plain else TEXT
            if run == BLANK:
                if current is not None:
                    current.raw.append(" ")
                text = None
            else:
                text = textOf(node) if plain else child.text
            if text:
                stripped = text.strip()
                if not stripped:
                    if current is not None:
                        current.raw.append(" ")
                else:
                    if current is None or current.block is not box or pending_break:
                        current = _new_line(box, latest + 0.25, text, " ".join(stripped.split()))
                        lines.append(current)
                    else:
                        current.end = key = latest + 0.25
                        current.raw.append(text)
                        current.keys.append(key)
                        current.words.append(" ".join(stripped.split()))
                    pending_break = False
            if hasChild(node):
                latest, current, pending_break = self.walk(
                    child, depth, box, latest, current, pending_break)
            ends[child] = latest + 0.5 + end_step
            if tag == "br":
                text = tailOf(node) if plain else child.tail
                # A line break: the page's own "\n" keeps it in body_html as well.
                child.tail = text = "\n" + (text or "")
                pending_break = True
            else:
                run = _run_at(node.next) if plain else TEXT
                if run == NO_TEXT:
                    node = node.next
                    continue
                if run == BLANK:
                    if current is not None:
                        current.raw.append(" ")
                    node = node.next
                    continue
                text = tailOf(node) if plain else child.tail
                if not text:
                    node = node.next
                    continue
            stripped = text.strip()
            if not stripped:
                if current is not None:
                    current.raw.append(" ")
                node = node.next
                continue
            key = tails[child] = latest + 0.5 + tail_step
            if current is None or current.block is not block or pending_break or is_block:
                current = _new_line(block, key, text, " ".join(stripped.split()))
                lines.append(current)
            else:
                current.end = key
                current.raw.append(text)
                current.keys.append(key)
                current.words.append(" ".join(stripped.split()))
            pending_break = False
            node = node.next
        return latest, current, pending_break


def walk(_Element element not None, Py_ssize_t depth, block, Py_ssize_t latest, list lines,
         current, bint pending_break, dict ends, dict tails, list boxes):
    """``Document._walk(element, depth, block, latest, lines, current, pending_break)`` with
    the document's ``_ends``, ``_tails`` and ``_marked_chrome`` passed in."""
    cdef _Walk state = _Walk()
    state.doc = element._doc
    state.lines, state.boxes, state.ends, state.tails, state.kinds = lines, boxes, ends, tails, {}
    return state.walk(element, depth, block, latest, current, pending_break)


# --- hidden elements: ``dom.is_hidden`` / ``dom.hidden_elements`` compiled ------------------

# dom._HIDING_CLASSES
cdef const char* _HIDING_CLASS_WORDS[4]
_HIDING_CLASS_WORDS[:] = [b"hidden", b"hide", b"invisible", b"w-condition-invisible"]
cdef size_t _HIDING_CLASS_SIZES[4]
_HIDING_CLASS_SIZES[:] = [6, 4, 9, 21]
cdef size_t _LONGEST_HIDING_CLASS = 21


cdef inline bint _is_space(char c) noexcept:
    """One of HTML's ASCII spaces: what ``dom._ASCII_SPACES`` splits at."""
    return c == b" " or c == b"\t" or c == b"\n" or c == b"\r" or c == b"\f"


cdef inline char _lower(char c) noexcept:
    return c + 32 if b"A" <= c <= b"Z" else c


cdef bint _hides_by_style(const char* style) noexcept:
    """``_HIDING_STYLE.search(style)``: "display", spaces, ":", spaces, "none", any case."""
    cdef const char* at
    cdef int index
    while style[0] != 0:
        at = style
        index = 0
        while index < 7 and at[0] != 0 and _lower(at[0]) == b"display"[index]:
            at += 1
            index += 1
        if index == 7:
            while _is_space(at[0]):
                at += 1
            if at[0] == b":":
                at += 1
                while _is_space(at[0]):
                    at += 1
                index = 0
                while index < 4 and at[0] != 0 and _lower(at[0]) == b"none"[index]:
                    at += 1
                    index += 1
                if index == 4:
                    return True
        style += 1
    return False


cdef bint _hides_by_class(const char* names) noexcept:
    """``_HIDING_CLASSES`` meets the class list, split at ASCII spaces, in one pass over it
    (a page has a class list on most elements)."""
    cdef const char* start
    cdef size_t size
    cdef int index
    if strchr(names, b":") is not NULL:  # "hidden md:block": shown on some screens
        return False
    while names[0] != 0:
        while _is_space(names[0]):
            names += 1
        start = names
        while names[0] != 0 and not _is_space(names[0]):
            names += 1
        size = <size_t>(names - start)
        if size == 0 or size > _LONGEST_HIDING_CLASS:
            continue
        for index in range(4):
            if size == _HIDING_CLASS_SIZES[index] \
                    and strncmp(start, _HIDING_CLASS_WORDS[index], size) == 0:
                return True
    return False


cdef bint _is_hidden(tree.xmlNode* node) except -1:
    """``dom.is_hidden`` for an element node."""
    cdef tree.xmlAttr* attribute = node.properties
    cdef const char* value
    cdef bytes held
    while attribute is not NULL:
        if attribute.ns is NULL:
            if strcmp(<const char*>attribute.name, b"hidden") == 0:
                return True
            if strcmp(<const char*>attribute.name, b"style") == 0 \
                    or strcmp(<const char*>attribute.name, b"class") == 0:
                if attribute.children is NULL:
                    value = b""
                elif attribute.children.next is NULL \
                        and attribute.children.type == tree.XML_TEXT_NODE \
                        and attribute.children.content is not NULL:
                    value = <const char*>attribute.children.content
                else:  # a value of several nodes: as lxml reads it
                    held = attributeValue(node, attribute).encode("utf-8")
                    value = held
                if attribute.name[0] == b"s":
                    if _hides_by_style(value):
                        return True
                elif _hides_by_class(value):
                    return True
        attribute = attribute.next
    return False


cdef void _collect_hidden(_Document doc, tree.xmlNode* parent, list found) except *:
    cdef tree.xmlNode* node = parent.children
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE:
            if _is_hidden(node):
                found.append(elementFactory(doc, node))
            else:
                _collect_hidden(doc, node, found)
        node = node.next


def hidden_elements(_Element root not None):
    """``dom.hidden_elements(root)``: the outermost hidden elements, in document order."""
    cdef list found = []
    _collect_hidden(root._doc, root._c_node, found)
    return found
