"""Reads a .docx the way a person's tools do (python-docx) and prints what
the Go test checks, as JSON: paragraphs with their style names, tables with
their header-row marks, core properties, page setup, header and footer."""
import json
import sys

import docx
from docx.oxml.ns import qn

d = docx.Document(sys.argv[1])
out = {"paragraphs": [], "tables": [], "links": []}
for p in d.paragraphs:
    out["paragraphs"].append({"style": p.style.name, "text": p.text})
for h in d.element.body.iter(qn("w:hyperlink")):
    rid = h.get(qn("r:id"))
    text = "".join(t.text or "" for t in h.iter(qn("w:t")))
    out["links"].append({"text": text, "target": d.part.rels[rid].target_ref})
for t in d.tables:
    rows = []
    for r in t.rows:
        trpr = r._tr.trPr
        rows.append({
            "header": trpr is not None and trpr.find(qn("w:tblHeader")) is not None,
            "cantSplit": trpr is not None and trpr.find(qn("w:cantSplit")) is not None,
            # a merged title cell is returned once per grid column: dedupe
            "cells": [c.text for c in dict.fromkeys(r.cells)],
        })
    out["tables"].append({"style": t.style.name if t.style is not None else "", "rows": rows})
cp = d.core_properties
out["core"] = {
    "title": cp.title, "subject": cp.subject, "author": cp.author,
    "keywords": cp.keywords, "language": cp.language,
    "created": cp.created.isoformat() if cp.created else "",
    "modified": cp.modified.isoformat() if cp.modified else "",
}
s = d.sections[0]
out["page"] = {
    "width_in": s.page_width.inches, "height_in": s.page_height.inches,
    "left_in": s.left_margin.inches, "right_in": s.right_margin.inches,
    "top_in": s.top_margin.inches, "bottom_in": s.bottom_margin.inches,
}
out["header"] = "\n".join(p.text for p in s.header.paragraphs)
out["footer"] = "\n".join(p.text for p in s.footer.paragraphs)
out["footer_fields"] = [i.text.strip() for i in s.footer._element.iter(qn("w:instrText"))]
rpr = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
out["default_lang"] = rpr.find(qn("w:lang")).get(qn("w:val"))
out["default_font"] = rpr.find(qn("w:rFonts")).get(qn("w:ascii"))
json.dump(out, sys.stdout, ensure_ascii=False)
