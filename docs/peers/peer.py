#!/usr/bin/env python3
"""A peer for wpsgen's speed figures: the same job done the common Python way.

Reads a program and the framework file it names (YAML), joins them, and writes
the Work Process Schedule and RTI plan as a PDF (a table of job functions and
competencies with their hours, the RTI courses, page numbers, the DejaVu Sans
font embedded) and an XLSX (the same rows, with SUM formulas for the totals).
It does less than wpsgen (no validation, no Appendix A sections beyond these
tables), so it flatters the peer. See docs/PERFORMANCE.md.

Usage: peer.py PROGRAM.yaml OUTDIR
Needs (Debian 12): python3-yaml python3-openpyxl, and python3-fpdf (fpdf2)
when the distribution has it, else python3-reportlab (Debian 12 has no fpdf2).
"""
import os
import sys

import yaml
from openpyxl import Workbook

FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
FONT_BOLD = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def load(path):
    with open(path, encoding="utf-8") as f:
        program = yaml.safe_load(f)
    fw_path = os.path.join(os.path.dirname(path), program["framework"])
    with open(fw_path, encoding="utf-8") as f:
        framework = yaml.safe_load(f)
    return program, framework


def hours(jf):
    if "hours" in jf:
        return str(jf["hours"])
    return f'{jf.get("min_hours", "")}-{jf.get("max_hours", "")}'


def rows(program, framework):
    """The schedule rows: (kind, id, text, hours)."""
    by_id = {jf["id"]: jf for jf in framework.get("job_functions", [])}
    out = []
    for jf in program.get("job_functions", []):
        fjf = by_id.get(jf["id"], jf)
        out.append(("jf", jf["id"], fjf.get("title", ""), hours(jf)))
        comps = {c["id"]: c for c in fjf.get("competencies", [])}
        for c in jf.get("competencies", []):
            text = comps.get(c["id"], c).get("text", "")
            out.append(("c", f'{jf["id"]}.{c["id"]}', text, ""))
    return out


def courses(program):
    return [(c["title"], c["hours"], c.get("level", "")) for c in program.get("rti", {}).get("courses", [])]


def pdf_fpdf2(program, sched, rti, path):
    from fpdf import FPDF

    class Doc(FPDF):
        def footer(self):
            self.set_y(-30)
            self.set_font("DejaVu", size=8)
            self.cell(0, 10, f"Page {self.page_no()} of {{nb}}", align="C")

    pdf = Doc(unit="pt", format="Letter")
    pdf.add_font("DejaVu", "", FONT)
    pdf.add_font("DejaVu", "B", FONT_BOLD)
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 18, "Work Process Schedule: " + program["occupation"]["job_title"])
    pdf.set_font("DejaVu", size=9)
    for kind, ident, text, h in sched:
        pdf.set_font("DejaVu", "B" if kind == "jf" else "", 9)
        pdf.multi_cell(480, 12, f"{ident}  {text}", new_x="RIGHT", new_y="TOP")
        pdf.multi_cell(0, 12, h, new_x="LMARGIN", new_y="NEXT")
    pdf.add_page()
    pdf.set_font("DejaVu", "B", 14)
    pdf.multi_cell(0, 18, "Related Technical Instruction")
    pdf.set_font("DejaVu", size=9)
    for title, h, level in rti:
        pdf.multi_cell(0, 12, f"{title} ({level}): {h} hours")
    pdf.output(path)


def pdf_reportlab(program, sched, rti, path):
    from reportlab.lib.pagesizes import letter
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(TTFont("DejaVu", FONT))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", FONT_BOLD))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=9, leading=11)
    bold = ParagraphStyle("bold", parent=body, fontName="DejaVu-Bold")
    title = ParagraphStyle("title", fontName="DejaVu-Bold", fontSize=14, leading=18)
    data = [[Paragraph("Work process / competency", bold), Paragraph("Hours", bold)]]
    for kind, ident, text, h in sched:
        st = bold if kind == "jf" else body
        data.append([Paragraph(f"{ident}  {text}", st), Paragraph(h, st)])
    grid = TableStyle([("GRID", (0, 0), (-1, -1), 0.5, "black"), ("VALIGN", (0, 0), (-1, -1), "TOP")])
    story = [Paragraph("Work Process Schedule: " + program["occupation"]["job_title"], title),
             Table(data, colWidths=[440, 90], repeatRows=1, style=grid), PageBreak(),
             Paragraph("Related Technical Instruction", title)]
    cdata = [[Paragraph("Course", bold), Paragraph("Level", bold), Paragraph("Hours", bold)]]
    cdata += [[Paragraph(t, body), Paragraph(lv, body), Paragraph(str(h), body)] for t, h, lv in rti]
    story.append(Table(cdata, colWidths=[280, 180, 70], repeatRows=1, style=grid))

    def page_number(canvas, doc):
        canvas.setFont("DejaVu", 8)
        canvas.drawCentredString(306, 20, f"Page {doc.page}")

    doc = SimpleDocTemplate(path, pagesize=letter)
    doc.build(story, onFirstPage=page_number, onLaterPages=page_number)


def xlsx(program, sched, rti, path):
    wb = Workbook()
    ws = wb.active
    ws.title = "Work Process Schedule"
    ws.append(["Work process / competency", "Hours"])
    for kind, ident, text, h in sched:
        ws.append([f"{ident}  {text}", h])
    ws2 = wb.create_sheet("RTI")
    ws2.append(["Course", "Level", "Hours"])
    for title, h, level in rti:
        ws2.append([title, level, h])
    ws2.append(["Total", "", f"=SUM(C2:C{len(rti) + 1})"])
    wb.save(path)


def main():
    src, out = sys.argv[1], sys.argv[2]
    os.makedirs(out, exist_ok=True)
    program, framework = load(src)
    sched, rti = rows(program, framework), courses(program)
    name = os.path.splitext(os.path.basename(src))[0]
    try:
        import fpdf  # noqa: F401
        pdf = pdf_fpdf2
    except ImportError:
        pdf = pdf_reportlab
    pdf(program, sched, rti, os.path.join(out, name + ".pdf"))
    xlsx(program, sched, rti, os.path.join(out, name + ".xlsx"))


if __name__ == "__main__":
    main()
