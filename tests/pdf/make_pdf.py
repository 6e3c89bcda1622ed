#!/usr/bin/env python3
"""Make a paginated PDF from an HTML CP/CPS, for the PDF front-end tests.

    tests/pdf/make_pdf.py IN.html OUT.pdf [--title TEXT]

No package beyond Python 3: the PDF is written by hand (PDF 1.4, one
Courier font with WinAnsiEncoding, text drawn line by line), so the tests
need no LibreOffice or Ghostscript. The layout is the one that makes PDF
text hard to read, on purpose:

  - a title page (no running header);
  - a table of contents with dot leaders and page numbers, over several
    pages, with long entries wrapped onto a second line;
  - a running header (document title and version) and a footer
    ("Page N of M") on every other page;
  - body text wrapped at 78 columns, headings ("4.9.1 Title") on their own
    lines, list items with bullets, table rows as lines of cells.

Text comes from the HTML's headings, paragraphs, list items and table
cells (site chrome, scripts and the HTML's own table of contents are left
out: the PDF gets its own). Characters outside windows-1252 become '?'.
"""
import html.parser
import re
import sys
import textwrap

LINES_PER_PAGE = 58
WIDTH = 78
SKIP = {"script", "style", "head", "nav", "header", "footer", "aside", "noscript",
        "template", "svg", "math"}
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "caption", "pre", "blockquote", "div",
          "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "section",
          "article", "main", "body"}
TOC_RE = re.compile(r"(^|[^a-z])(toc|table-of-contents)([^a-z]|$)|msotoc", re.I)
NUM_RE = re.compile(r"^\s*((?:[IVX]+\.)?\d+(?:\.\d+)*\.?|[IVX]+\.)\s+\S")


class Reader(html.parser.HTMLParser):
    """Blocks of the HTML in reading order: (kind, text)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks = []
        self.skip = 0
        self.toc = []          # stack of booleans: inside a TOC container
        self.kind = None
        self.text = []
        self.stack = []

    def flush(self):
        t = " ".join(re.split(r"[ \t\r\n\f]+", "".join(self.text))).strip()
        if t and not any(self.toc):
            self.blocks.append((self.kind or "p", t))
        self.text = []

    def handle_starttag(self, tag, attrs):
        if tag in ("br", "hr", "img", "meta", "link", "input"):
            if tag == "br":
                self.flush()
            return
        a = dict(attrs)
        if self.skip or tag in SKIP or "display:none" in (a.get("style") or "").replace(" ", ""):
            self.skip += 1
            self.stack.append((tag, "skip"))
            return
        names = " ".join(filter(None, [a.get("class"), a.get("id")]))
        self.toc.append(bool(TOC_RE.search(names)))
        if tag in BLOCKS:
            self.flush()
            if tag[0] == "h" and tag[1:].isdigit():
                self.kind = "h"
            elif tag == "li":
                self.kind = "li"
            elif tag in ("td", "th"):
                self.kind = "cell"
            elif tag == "tr":
                self.kind = "row"
            elif self.kind not in ("li", "cell", "h"):
                self.kind = "p"
        self.stack.append((tag, self.kind))

    def handle_endtag(self, tag):
        if tag in ("br", "hr", "img", "meta", "link", "input"):
            return
        while self.stack:
            t, k = self.stack.pop()
            if k == "skip":
                self.skip -= 1
            else:
                if t in BLOCKS:
                    self.flush()
                self.toc.pop()
                self.kind = self.stack[-1][1] if self.stack and self.stack[-1][1] != "skip" else None
            if t == tag:
                break

    def handle_data(self, data):
        if not self.skip:
            self.text.append(data)


def lines_of(blocks):
    """Body lines and the headings (index into lines) for the TOC."""
    out, heads = [], []
    row = []
    for kind, text in blocks:
        if kind != "cell" and row:
            out.append("   ".join(row))
            out.append("")
            row = []
        if kind == "cell":
            row.append(text)
            if len(" ".join(row)) > WIDTH:
                out.extend(textwrap.wrap("   ".join(row), WIDTH))
                row = []
            continue
        if kind == "h":
            # a heading that a TOC title or the document title may hold
            if re.match(r"^(table of contents|contents|sommaire|table des mati)", text, re.I):
                continue
            if NUM_RE.match(text):
                heads.append((text, len(out)))
            out.append("")
            out.extend(textwrap.wrap(text, WIDTH) or [""])
            out.append("")
        elif kind == "li":
            w = textwrap.wrap(text, WIDTH - 4)
            out.append("  \u2022 " + w[0])
            out.extend("    " + x for x in w[1:])
        else:
            if NUM_RE.match(text) and len(text) < 100 and not text.endswith("."):
                heads.append((text, len(out)))
            out.extend(textwrap.wrap(text, WIDTH))
            out.append("")
    if row:
        out.append("   ".join(row))
    return out, heads


def paginate(lines, per_page):
    pages, cur = [], []
    for ln in lines:
        if not cur and not ln:
            continue
        cur.append(ln)
        if len(cur) == per_page:
            pages.append(cur)
            cur = []
    if cur:
        pages.append(cur)
    return pages


def build(blocks, title):
    body, heads = lines_of(blocks)
    per = LINES_PER_PAGE - 4          # header, blank, blank, footer
    body_pages = paginate(body, per)
    # the page of each heading, found by its first line (pagination drops
    # blank lines at the top of pages, so indexes would drift)
    where = []
    flat = [(pi, ln) for pi, p in enumerate(body_pages) for ln in p]
    pos = 0
    for text, _ in heads:
        first = textwrap.wrap(text, WIDTH)[0] if textwrap.wrap(text, WIDTH) else text
        while pos < len(flat) and flat[pos][1] != first:
            pos += 1
        where.append((text, flat[pos][0] if pos < len(flat) else len(body_pages) - 1))
    # TOC: entries with dot leaders; long ones wrapped
    # TOC pages: at most two lines an entry (wrapped ones), then leaders
    toc_pages_n = max(1, -(-(len(where) + 2) * 2 // per))
    first_body = 1 + toc_pages_n + 1   # title page, TOC pages, then body (1-based)
    toc_lines = ["Table of Contents", ""]
    for text, pi in where:
        num = str(first_body + pi)
        indent = "  " * (NUM_RE.match(text).group(1).rstrip(".").count("."))
        entry = indent + text
        room = WIDTH - len(num) - 1
        if len(entry) + 6 > room:   # keep 4 dots or more
            w = textwrap.wrap(entry, room - 8, subsequent_indent=indent + "    ")
            toc_lines.extend(w[:-1])
            entry = w[-1]
        toc_lines.append(entry + " " + "." * (room - len(entry) - 1) + " " + num)
    toc_pages = paginate(toc_lines, per) or [["Table of Contents"]]
    while len(toc_pages) < toc_pages_n:
        toc_pages.append([])
    if len(toc_pages) != toc_pages_n:
        raise SystemExit("make_pdf: TOC page estimate wrong")
    total = 1 + len(toc_pages) + len(body_pages)
    pages = []
    title_page = [""] * 18 + [title.center(WIDTH).rstrip(), ""]
    pages.append(title_page)
    for i, p in enumerate(toc_pages + body_pages):
        num = i + 2
        header = (title + "   ").ljust(WIDTH - 12) + "Public"
        footer = ("Page %d of %d" % (num, total)).center(WIDTH).rstrip()
        content = p + [""] * (per - len(p))
        pages.append([header, ""] + content + ["", footer])
    return pages


def pdf_bytes(pages):
    objs = []

    def add(b):
        objs.append(b)
        return len(objs)

    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>")
    pages_id = len(objs) + 1 + 2 * len(pages)
    kids = []
    for p in pages:
        ops = ["BT", "/F1 9.5 Tf", "11 TL", "40 800 Td"]
        for ln in p:
            b = ln.encode("cp1252", "replace").decode("latin-1")
            b = b.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append("(%s) Tj T*" % b)
        ops.append("ET")
        data = "\n".join(ops).encode("latin-1")
        c = add(b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream")
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 595 842] "
                        b"/Resources << /Font << /F1 %d 0 R >> >> /Contents %d 0 R >>"
                        % (pages_id, font, c)))
    assert add(b"<< /Type /Pages /Kids [%s] /Count %d >>"
               % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))) == pages_id
    cat = add(b"<< /Type /Catalog /Pages %d 0 R >>" % pages_id)
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offs:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objs) + 1, cat, xref)
    return bytes(out)


def main(argv):
    if len(argv) < 3:
        sys.stderr.write(__doc__)
        return 2
    src, dst = argv[1], argv[2]
    title = None
    if len(argv) > 4 and argv[3] == "--title":
        title = argv[4]
    raw = open(src, "rb").read()
    m = re.search(rb'charset=["\']?([A-Za-z0-9_-]+)', raw[:4096])
    enc = m.group(1).decode() if m else "utf-8"
    try:
        text = raw.decode(enc)
    except (LookupError, UnicodeDecodeError):
        text = raw.decode("cp1252", "replace")
    r = Reader()
    r.feed(text)
    r.close()
    r.flush()
    if not title:
        t = re.search(r"<title[^>]*>(.*?)</title>", text, re.S | re.I)
        title = " ".join(t.group(1).split()) if t else "Certification Practice Statement"
    title = title[:60]
    with open(dst, "wb") as f:
        f.write(pdf_bytes(build(r.blocks, title)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
