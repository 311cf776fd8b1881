"""Reads .docx files with python-docx, as a reviewer's script would, and
prints for each the body in reading order as JSON: every paragraph with its
style name and text (a form feed before a paragraph that starts a page),
every table with its rows (cell texts, header-row and cannot-split marks,
the style of its first paragraph), the hyperlinks and the core properties."""
import json
import sys

import docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def ptext(p):
    """A paragraph's text with its hyperlinks' (python-docx 0.8 leaves
    the runs inside w:hyperlink out of Paragraph.text); a page break is
    a form feed."""
    out = []
    for el in p.iter(qn("w:t"), qn("w:tab"), qn("w:br")):
        if el.tag == qn("w:t"):
            out.append(el.text or "")
        elif el.tag == qn("w:tab"):
            out.append("\t")
        elif el.get(qn("w:type")) == "page":
            out.append("\f")
        else:
            out.append("\n")
    return "".join(out)


def cell_text(c):
    return "\n".join(ptext(p._p) for p in c.paragraphs)


def read(path):
    d = docx.Document(path)
    names = {}  # style id -> name: python-docx looks a name up in a list

    def style(p):
        sid = p._p.style
        if sid not in names:
            names[sid] = p.style.name
        return names[sid]

    body = []
    for el in d.element.body.iterchildren():
        if el.tag == qn("w:p"):
            p = Paragraph(el, d)
            if p.paragraph_format.page_break_before:
                body.append({"style": style(p), "text": "\f"})
            body.append({"style": style(p), "text": ptext(el)})
        elif el.tag == qn("w:tbl"):
            t = Table(el, d)
            rows = []
            for r in t.rows:
                trpr = r._tr.trPr
                # python-docx 0.8 lays out the whole table for each call
                # of cells: call it once a row.
                cells = r.cells
                rows.append({
                    "header": trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
                    "cantSplit": trpr is not None and trpr.find(qn("w:cantSplit")) is not None,
                    # a merged cell is returned once per grid column: dedupe
                    "cells": [cell_text(c) for c in dict.fromkeys(cells)],
                    "style": style(cells[0].paragraphs[0]),
                })
            body.append({"rows": rows})
    links = []
    for h in d.element.body.iter(qn("w:hyperlink")):
        text = "".join(t.text or "" for t in h.iter(qn("w:t")))
        links.append({"text": text, "target": d.part.rels[h.get(qn("r:id"))].target_ref})
    cp = d.core_properties
    core = {
        "title": cp.title, "subject": cp.subject, "author": cp.author,
        "keywords": cp.keywords, "language": cp.language,
        "created": cp.created.isoformat() if cp.created else "",
    }
    s = d.sections[0]
    return {
        "body": body, "links": links, "core": core,
        "header": "\n".join(p.text for p in s.header.paragraphs),
        "footer": "\n".join(p.text for p in s.footer.paragraphs),
    }


json.dump([read(p) for p in sys.argv[1:]], sys.stdout, ensure_ascii=False)
