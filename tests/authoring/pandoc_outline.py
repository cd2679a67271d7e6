#!/usr/bin/env python3
"""pandoc's reading of a document, as sections, to compare `qunxue convert` with.

    python pandoc_outline.py --docx FILE.docx [--split-level N]
    python pandoc_outline.py --markdown FILE.md [FILE.md ...] [--split-level N]

Reads the .docx with `pandoc -f docx -t json`, or each Markdown file with
`pandoc -f gfm+footnotes -t json` (a leading `+++ … +++` TOML front-matter
block is cut off first, and so are the pack's `::: instructor` / `:::` fence
lines, which are pack syntax rather than text), and prints one JSON object:

    {"sections": [
      {"heading": "社群定位",          heading text, normalised as below
       "level": 1,                     the heading's level (0: text before any heading)
       "text": "…",                    everything else in the section, normalised
       "tables": [[["渠道", "成本"], …], …],   per table, rows of cell texts (header rows first)
       "list_depth": 2,                deepest list nesting (0: no list)
       "footnotes": ["…"],             footnote texts, in order of their references
       "links": ["https://…"],         link targets (not images), in order
       "images": ["粉丝增长曲线示意图"]}   image alt texts, in order
    ]}

Sections. A section starts at every heading of level <= N (N is
--split-level, default 1, in both modes); a heading deeper than N stays inside
its section and its text is part of the section's `text`. Text before the first
heading forms a section with heading "" and level 0, when there is any.
Markdown files are read one by one and their sections listed in file order.

How the two readings line up: `qunxue convert --split-level N` writes one
module per heading of level <= N, with that heading as the module's `# ` and
the deeper headings below it. So read the .docx with `--split-level N` and
the modules with `--split-level 1` (the default): both then give one section
per module, keyed by heading text, with the sub-headings' text inside. With a
large N (e.g. 6) either reading splits at every heading, for callers that
prefer to pair headings one to one themselves.

Normalised text: the plain text of every inline (Str, Code, Math, link text,
emphasis and the like flattened; raw HTML/TeX dropped); blocks joined by a
space; whitespace runs collapsed to one space; a space between two CJK
characters (ideographs or full-width/CJK punctuation) removed, so line
wrapping and block boundaries inside Chinese text do not matter; trimmed.
Image alt text is NOT in `text` (it is in `images`), footnote text is NOT in
`text` (it is in `footnotes`), and tables are NOT in `text` (they are in
`tables`; lists inside table cells do not count towards list_depth either,
GFM tables cannot hold them). Table captions are ignored.

Exits 2 when pandoc is missing or fails, or a front-matter block is not
closed. The pandoc binary is $PANDOC, else `pandoc` on PATH.
"""

import argparse
import json
import os
import re
import subprocess
import sys

CJK = (
    "\u2e80-\u2fdf"  # radicals
    "\u3000-\u303f"  # CJK symbols and punctuation (、。「」…)
    "\u3040-\u30ff"  # kana
    "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"  # ideographs
    "\ufe30-\ufe4f"  # CJK compatibility forms
    "\uff00-\uffef"  # full-width forms (，：！？（）％)
    "\u2018-\u201f\u2014\u2026"  # ‘’“” — … as used in Chinese text
)
SPACE_BETWEEN_CJK = re.compile(f"(?<=[{CJK}]) (?=[{CJK}])")
FENCE_LINE = re.compile(r"^:::(\s+instructor)?\s*$")


def normalise(text: str) -> str:
    text = re.sub(r"\s+", " ", text).strip()
    return SPACE_BETWEEN_CJK.sub("", text)


class Section:
    def __init__(self, heading: str, level: int):
        self.heading = heading
        self.level = level
        self.parts: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.list_depth = 0
        self.footnotes: list[str] = []
        self.links: list[str] = []
        self.images: list[str] = []

    def is_empty(self) -> bool:
        return not (normalise(" ".join(self.parts)) or self.tables or self.footnotes or self.images)

    def to_json(self) -> dict:
        return {
            "heading": self.heading,
            "level": self.level,
            "text": normalise(" ".join(self.parts)),
            "tables": self.tables,
            "list_depth": self.list_depth,
            "footnotes": self.footnotes,
            "links": self.links,
            "images": self.images,
        }


class Collector:
    """What a walk over inlines/blocks finds besides their plain text."""

    def __init__(self, section: Section | None):
        self.section = section

    # --- inlines ----------------------------------------------------------

    def inlines(self, inlines: list) -> str:
        return "".join(self.inline(i) for i in inlines)

    def inline(self, node: dict) -> str:
        t, c = node["t"], node.get("c")
        if t == "Str":
            return c
        if t in ("Space", "SoftBreak", "LineBreak"):
            return " "
        if t in ("Emph", "Strong", "Underline", "Strikeout", "Superscript", "Subscript", "SmallCaps"):
            return self.inlines(c)
        if t == "Span":
            return self.inlines(c[1])
        if t == "Quoted":
            open_, close = ("“", "”") if c[0]["t"] == "DoubleQuote" else ("‘", "’")
            return open_ + self.inlines(c[1]) + close
        if t == "Cite":
            return self.inlines(c[1])
        if t in ("Code", "Math"):
            return c[1]
        if t == "RawInline":
            return ""
        if t == "Link":
            if self.section is not None:
                self.section.links.append(c[2][0])
            return self.inlines(c[1])
        if t == "Image":
            if self.section is not None:
                self.section.images.append(normalise(Collector(None).inlines(c[1])))
            return ""
        if t == "Note":
            if self.section is not None:
                # A note's own links and images are not the section's.
                self.section.footnotes.append(normalise(" ".join(Collector(None).blocks(c, 0))))
            return ""
        raise ValueError(f"unknown pandoc inline {t!r}")

    # --- blocks -----------------------------------------------------------

    def blocks(self, blocks: list, depth: int) -> list[str]:
        out: list[str] = []
        for block in blocks:
            out.extend(self.block(block, depth))
        return out

    def block(self, node: dict, depth: int) -> list[str]:
        """Plain texts of the block; `depth` is the list nesting around it."""
        t, c = node["t"], node.get("c")
        if t in ("Plain", "Para"):
            return [self.inlines(c)]
        if t == "Header":
            return [self.inlines(c[2])]
        if t == "LineBlock":
            return [self.inlines(line) for line in c]
        if t == "CodeBlock":
            return [c[1]]
        if t in ("RawBlock", "HorizontalRule", "Null"):
            return []
        if t == "BlockQuote":
            return self.blocks(c, depth)
        if t == "Div":
            return self.blocks(c[1], depth)
        if t == "Figure":  # pandoc 3: [attr, caption, blocks]; the caption is like alt text
            return self.blocks(c[2], depth)
        if t in ("BulletList", "OrderedList"):
            items = c if t == "BulletList" else c[1]
            if self.section is not None:
                self.section.list_depth = max(self.section.list_depth, depth + 1)
            out: list[str] = []
            for item in items:
                out.extend(self.blocks(item, depth + 1))
            return out
        if t == "DefinitionList":
            out = []
            for term, definitions in c:
                out.append(self.inlines(term))
                for definition in definitions:
                    out.extend(self.blocks(definition, depth))
            return out
        if t == "Table":
            if self.section is not None:
                self.section.tables.append(self.table(c))
            return []
        raise ValueError(f"unknown pandoc block {t!r}")

    def table(self, c: list) -> list[list[str]]:
        _attr, _caption, _colspecs, head, bodies, foot = c
        rows = list(head[1])
        for body in bodies:
            rows.extend(body[2])  # intermediate head rows
            rows.extend(body[3])
        rows.extend(foot[1])
        # Cells are read like the section's text, but what they hold (links,
        # images, notes, lists) is not counted as the section's.
        cells = Collector(None)
        return [[normalise(" ".join(cells.blocks(cell[4], 0))) for cell in row[1]] for row in rows]


def sections_of(blocks: list, split_level: int) -> list[Section]:
    sections = [Section("", 0)]
    for block in blocks:
        if block["t"] == "Header" and block["c"][0] <= split_level:
            heading = normalise(Collector(None).inlines(block["c"][2]))
            sections.append(Section(heading, block["c"][0]))
            continue
        section = sections[-1]
        section.parts.extend(Collector(section).block(block, 0))
    if sections[0].is_empty():
        sections.pop(0)
    return sections


def fail(message: str):
    print(f"pandoc_outline: {message}", file=sys.stderr)
    sys.exit(2)


def pandoc_json(args: list[str], stdin: str | None = None) -> dict:
    pandoc = os.environ.get("PANDOC", "pandoc")
    try:
        done = subprocess.run(
            [pandoc, *args, "-t", "json"],
            input=stdin.encode("utf-8") if stdin is not None else None,
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        fail(f"cannot run {pandoc!r} (apt-get install pandoc)")
    if done.returncode != 0:
        fail(f"{pandoc} {' '.join(args)} failed: {done.stderr.decode(errors='replace')}")
    return json.loads(done.stdout)


def markdown_body(path: str) -> str:
    """The file's Markdown without its `+++` front matter and pack fence lines."""
    with open(path, encoding="utf-8-sig") as f:
        lines = f.read().replace("\r\n", "\n").split("\n")
    if lines and lines[0].strip() == "+++":
        for end in range(1, len(lines)):
            if lines[end].strip() == "+++":
                lines = lines[end + 1:]
                break
        else:
            fail(f"{path}: front matter opened with +++ is never closed")
    body, in_code = [], None
    for line in lines:
        fence = re.match(r"^ {0,3}(`{3,}|~{3,})", line)
        if fence and (in_code is None or fence.group(1)[0] == in_code[0] and len(fence.group(1)) >= len(in_code)):
            in_code = None if in_code else fence.group(1)
        if in_code is None and FENCE_LINE.match(line):
            body.append("")
            continue
        body.append(line)
    return "\n".join(body)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--docx", metavar="FILE")
    source.add_argument("--markdown", metavar="FILE", nargs="+")
    parser.add_argument("--split-level", type=int, default=1, choices=range(1, 7), metavar="N")
    args = parser.parse_args()

    sections: list[Section] = []
    if args.docx:
        doc = pandoc_json(["-f", "docx", args.docx])
        sections = sections_of(doc["blocks"], args.split_level)
    else:
        for path in args.markdown:
            doc = pandoc_json(["-f", "gfm+footnotes"], stdin=markdown_body(path))
            sections.extend(sections_of(doc["blocks"], args.split_level))

    sys.stdout.reconfigure(encoding="utf-8")
    json.dump({"sections": [s.to_json() for s in sections]}, sys.stdout, ensure_ascii=False)
    sys.stdout.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
