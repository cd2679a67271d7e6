#!/usr/bin/env python3
"""Writes the Office files the `qunxue convert` tests read.

    python office_fixtures.py OUT_DIR

writes OUT_DIR/training.docx, OUT_DIR/training-v2.docx and OUT_DIR/deck.pptx,
the same bytes on every run (fixed core properties, fixed zip timestamps).
Prints nothing on success; exits non-zero (with a traceback) on failure.
Needs the authoring venv (python-docx, python-pptx; Pillow comes with
python-pptx): `cargo xtask setup --test` installs it.

training.docx — Chinese throughout, no title paragraph, starts with a Heading 1:

  # 社群定位            bold and italic runs; a hyperlink
  ## 目标用户画像        a footnote; a nested bullet list (w:ilvl 0 and 1)
  # 拉新与促活           a 3×3 table with a header row; a numbered list
  # 复盘与数据           an image (PNG) with alt text (wp:docPr/@descr)

training-v2.docx is the same document with the first paragraph of 拉新与促活
reworded (CHANGED_PARAGRAPH → CHANGED_PARAGRAPH_V2) and a fourth Heading 1,
常见问题, added at the end.

deck.pptx — a title slide, then 社群的三个要素 (bullet levels 0/1/2, notes),
拉新渠道对比 (a table), 粉丝增长曲线 (an image with alt text, notes) and
复盘清单 (bullet levels 0/1/2).

The constants below are the texts the tests can look for.
"""

import datetime as dt
import io
import sys
import zipfile
from pathlib import Path

from docx import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm
from PIL import Image, ImageDraw
from pptx import Presentation
from pptx.util import Cm as PptxCm

FIXED_TIME = dt.datetime(2026, 1, 5, 9, 0, 0)
ZIP_TIME = (2026, 1, 5, 9, 0, 0)

HYPERLINK_URL = "https://example.org/qunxue/community-guide"
HYPERLINK_TEXT = "《社群运营指南》"
IMAGE_ALT = "粉丝增长曲线示意图"
FOOTNOTE_TEXT = "画像数据应来自真实访谈，而不是凭空想象。"
CHANGED_PARAGRAPH = "拉新的关键是找到目标用户已经聚集的地方，再用对他们有用的内容把人请进来。"
CHANGED_PARAGRAPH_V2 = "拉新的关键是先找到目标用户聚集的渠道，再用真正有用的内容吸引他们加入。"
TABLE = [
    ["渠道", "成本", "转化率"],
    ["朋友圈转发", "低", "5%"],
    ["线下沙龙", "高", "12%"],
]
NESTED_LIST = [
    (0, "年龄与职业"),
    (1, "二十五到三十五岁的上班族"),
    (1, "时间灵活的自由职业者"),
    (0, "消费习惯"),
    (1, "每月线上消费五百元以上"),
]
V2_SECTION = "常见问题"
DECK_IMAGE_ALT = "近六周新增粉丝柱状图"
DECK_TABLE = [
    ["指标", "上月", "本月"],
    ["新增粉丝", "120", "186"],
    ["日活跃率", "12%", "15%"],
]


def png_bytes() -> bytes:
    """A small bar chart, drawn the same way every time."""
    img = Image.new("RGB", (160, 96), (255, 255, 255))
    draw = ImageDraw.Draw(img)
    for i, h in enumerate([20, 34, 41, 55, 62, 80]):
        x = 10 + i * 24
        draw.rectangle([x, 90 - h, x + 16, 90], fill=(15, 118, 110))
    draw.line([(6, 90), (154, 90)], fill=(0, 0, 0), width=1)
    out = io.BytesIO()
    img.save(out, format="PNG", optimize=False)
    return out.getvalue()


def normalise_zip(path: Path) -> None:
    """Rewrites a zip with fixed timestamps (python-docx/-pptx stamp `now`)."""
    with zipfile.ZipFile(path) as src:
        entries = [(info.filename, src.read(info.filename)) for info in src.infolist()]
    with zipfile.ZipFile(path, "w") as dst:
        for name, data in entries:
            info = zipfile.ZipInfo(name, date_time=ZIP_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            dst.writestr(info, data)


# --- docx -----------------------------------------------------------------


def add_runs(paragraph, parts):
    """parts: list of (text, style) with style one of '', 'b', 'i', 'bi'."""
    for text, style in parts:
        run = paragraph.add_run(text)
        run.bold = "b" in style or None
        run.italic = "i" in style or None
    return paragraph


def add_hyperlink(paragraph, text: str, url: str):
    """Appends a w:hyperlink to `url` (an external relationship, r:id)."""
    r_id = paragraph.part.relate_to(url, RT.HYPERLINK, is_external=True)
    link = parse_xml(
        f'<w:hyperlink {nsdecls("w", "r")} r:id="{r_id}">'
        '<w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
        f'<w:t xml:space="preserve">{text}</w:t></w:r></w:hyperlink>'
    )
    paragraph._p.append(link)
    return link


def add_bullet_numbering(document) -> int:
    """Adds a two-level bullet definition to numbering.xml; returns its numId.

    The default template's 'List Bullet' and 'List Bullet 2' styles point at
    two different single-level definitions (numId 1 and 2, no w:ilvl), which
    readers take as two flat lists, so the fixture writes its own multi-level
    definition and an explicit w:numPr (w:ilvl + w:numId) on each item."""
    numbering = document.part.numbering_part.element
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering.findall(qn("w:abstractNum"))]
    num_ids = [int(n.get(qn("w:numId"))) for n in numbering.findall(qn("w:num"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    num_id = max(num_ids, default=0) + 1
    levels = "".join(
        f'<w:lvl w:ilvl="{lvl}"><w:start w:val="1"/><w:numFmt w:val="bullet"/>'
        f'<w:lvlText w:val="{sym}"/><w:lvlJc w:val="left"/>'
        f'<w:pPr><w:ind w:left="{720 * (lvl + 1)}" w:hanging="360"/></w:pPr></w:lvl>'
        for lvl, sym in enumerate(["•", "◦", "▪"])
    )
    abstract = parse_xml(
        f'<w:abstractNum {nsdecls("w")} w:abstractNumId="{abstract_id}">'
        f'<w:nsid w:val="5158554E"/><w:multiLevelType w:val="hybridMultilevel"/>{levels}</w:abstractNum>'
    )
    first_num = numbering.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)  # every w:abstractNum precedes every w:num
    else:
        numbering.append(abstract)
    numbering.append(
        parse_xml(f'<w:num {nsdecls("w")} w:numId="{num_id}"><w:abstractNumId w:val="{abstract_id}"/></w:num>')
    )
    return num_id


def add_list_item(document, text: str, num_id: int, level: int):
    paragraph = document.add_paragraph(text, style="List Paragraph")
    p_pr = paragraph._p.get_or_add_pPr()
    p_pr.insert_element_before(
        parse_xml(f'<w:numPr {nsdecls("w")}><w:ilvl w:val="{level}"/><w:numId w:val="{num_id}"/></w:numPr>'),
        "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:spacing", "w:ind", "w:contextualSpacing",
        "w:jc", "w:rPr",
    )
    return paragraph


class Footnotes:
    """word/footnotes.xml, which python-docx cannot write: the separator
    footnotes Word expects (ids -1 and 0) plus one w:footnote per note."""

    def __init__(self):
        self.notes: list[str] = []

    def add_reference(self, paragraph, text: str) -> None:
        self.notes.append(text)
        note_id = len(self.notes)
        paragraph._p.append(
            parse_xml(
                f'<w:r {nsdecls("w")}><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteReference w:id="{note_id}"/></w:r>'
            )
        )

    def attach(self, document) -> None:
        if not self.notes:
            return
        body = [
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
        ]
        for i, text in enumerate(self.notes, start=1):
            body.append(
                f'<w:footnote w:id="{i}"><w:p><w:r><w:rPr><w:vertAlign w:val="superscript"/></w:rPr>'
                f'<w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> {text}</w:t></w:r></w:p></w:footnote>'
            )
        xml = (
            "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
            f'<w:footnotes {nsdecls("w", "r")}>{"".join(body)}</w:footnotes>'
        ).encode("utf-8")
        part = Part(
            PackURI("/word/footnotes.xml"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml",
            xml,
            document.part.package,
        )
        document.part.relate_to(part, RT.FOOTNOTES)


def set_core_properties(props) -> None:
    props.author = "群学"
    props.last_modified_by = "群学"
    props.title = ""
    props.revision = 1
    props.created = FIXED_TIME
    props.modified = FIXED_TIME


def write_docx(path: Path, v2: bool) -> None:
    document = Document()
    set_core_properties(document.core_properties)
    footnotes = Footnotes()
    bullets = add_bullet_numbering(document)

    document.add_heading("社群定位", level=1)
    add_runs(
        document.add_paragraph(),
        [("社群运营的第一步，是想清楚", ""), ("为谁服务", "b"), ("、提供", ""), ("什么价值", "i"),
         ("，以及", ""), ("凭什么让人留下来", "bi"), ("。", "")],
    )
    paragraph = document.add_paragraph("课前请先阅读")
    add_hyperlink(paragraph, HYPERLINK_TEXT, HYPERLINK_URL)
    paragraph.add_run("，重点看第二章。")

    document.add_heading("目标用户画像", level=2)
    paragraph = document.add_paragraph("用户画像要具体到可以观察的行为")
    footnotes.add_reference(paragraph, FOOTNOTE_TEXT)
    paragraph.add_run("，常用的维度如下：")
    for level, text in NESTED_LIST:
        add_list_item(document, text, bullets, level)
    document.add_paragraph("画像写好后，请和两位同事交叉检查。")

    document.add_heading("拉新与促活", level=1)
    document.add_paragraph(CHANGED_PARAGRAPH_V2 if v2 else CHANGED_PARAGRAPH)
    table = document.add_table(rows=3, cols=3)
    table.style = "Table Grid"
    for r, row in enumerate(TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text
    header = table.rows[0]._tr.get_or_add_trPr()
    header.append(parse_xml(f'<w:tblHeader {nsdecls("w")}/>'))
    for run in (p.runs[0] for cell in table.rows[0].cells for p in cell.paragraphs):
        run.bold = True
    document.add_paragraph("促活的常用做法：")
    document.add_paragraph("设计一句让新人愿意回复的入群欢迎语。", style="List Number")
    document.add_paragraph("每周固定一个时间做主题活动。", style="List Number")

    document.add_heading("复盘与数据", level=1)
    document.add_paragraph("每周复盘一次，先看数据再看原因。下图是某社群近六周的新增粉丝数：")
    shape = document.add_picture(io.BytesIO(png_bytes()), width=Cm(6))
    shape._inline.docPr.set("descr", IMAGE_ALT)
    document.add_paragraph("增长放缓时，先检查拉新渠道有没有变化。")

    if v2:
        document.add_heading(V2_SECTION, level=1)
        document.add_paragraph("新人不说话怎么办？先私聊打招呼，再邀请他回答一个简单的问题。")

    footnotes.attach(document)
    document.save(str(path))
    normalise_zip(path)


# --- pptx -----------------------------------------------------------------


def add_bullets(text_frame, items):
    """items: list of (level, text); the first replaces the empty paragraph."""
    for i, (level, text) in enumerate(items):
        paragraph = text_frame.paragraphs[0] if i == 0 else text_frame.add_paragraph()
        paragraph.text = text
        paragraph.level = level


def write_pptx(path: Path) -> None:
    prs = Presentation()
    set_core_properties(prs.core_properties)
    title_layout, content_layout, title_only = prs.slide_layouts[0], prs.slide_layouts[1], prs.slide_layouts[5]

    slide = prs.slides.add_slide(title_layout)
    slide.shapes.title.text = "社群运营实战"
    slide.placeholders[1].text = "新人培训 · 第一期"

    slide = prs.slides.add_slide(content_layout)
    slide.shapes.title.text = "社群的三个要素"
    add_bullets(
        slide.placeholders[1].text_frame,
        [(0, "共同目标"), (1, "目标要具体、可衡量"), (2, "例：三个月内学会剪辑短视频"),
         (0, "持续互动"), (1, "每周至少一次全员参与的活动"), (0, "彼此认同")],
    )
    slide.notes_slide.notes_text_frame.text = "先请学员举出一个自己所在的社群，再对照三个要素逐一检查。"

    slide = prs.slides.add_slide(title_only)
    slide.shapes.title.text = "拉新渠道对比"
    table = slide.shapes.add_table(3, 3, PptxCm(2), PptxCm(5), PptxCm(20), PptxCm(4)).table
    for r, row in enumerate(DECK_TABLE):
        for c, text in enumerate(row):
            table.cell(r, c).text = text

    slide = prs.slides.add_slide(title_only)
    slide.shapes.title.text = "粉丝增长曲线"
    picture = slide.shapes.add_picture(io.BytesIO(png_bytes()), PptxCm(6), PptxCm(6), width=PptxCm(12))
    picture._element.nvPicPr.cNvPr.set("descr", DECK_IMAGE_ALT)
    slide.notes_slide.notes_text_frame.text = "提醒学员：增长放缓不一定是坏事，要结合活跃率一起看。"

    slide = prs.slides.add_slide(content_layout)
    slide.shapes.title.text = "复盘清单"
    add_bullets(
        slide.placeholders[1].text_frame,
        [(0, "数据"), (1, "新增、活跃、流失"), (2, "和上周、上月对比"), (0, "原因"), (1, "渠道、内容、活动")],
    )

    prs.save(str(path))
    normalise_zip(path)


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        print("usage: office_fixtures.py OUT_DIR", file=sys.stderr)
        return 2
    out = Path(argv[1])
    out.mkdir(parents=True, exist_ok=True)
    write_docx(out / "training.docx", v2=False)
    write_docx(out / "training-v2.docx", v2=True)
    write_pptx(out / "deck.pptx")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
