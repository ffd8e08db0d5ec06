"""Markdown to safe HTML for stories.

Python-Markdown passes raw HTML through, so its output is never trusted: nh3 (the Rust
`ammonia` sanitiser) keeps only the tags and attributes a story needs, only http(s) and
mailto links, and marks every link `noopener noreferrer nofollow`. Images are not
allowed in the text: they are uploaded separately, checked, and get a required text
alternative.
"""

from __future__ import annotations

import markdown as md
import nh3
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ALLOWED_TAGS = {
    "p",
    "br",
    "h2",
    "h3",
    "h4",
    "strong",
    "em",
    "ul",
    "ol",
    "li",
    "blockquote",
    "a",
    "code",
    "pre",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
URL_SCHEMES = {"http", "https", "mailto"}


class _ShiftHeadings(Treeprocessor):
    """The story's title is the page's only h1: `#` in the text becomes an h2."""

    def run(self, root):
        for element in root.iter():
            if element.tag in {"h1", "h2", "h3", "h4", "h5"}:
                element.tag = f"h{min(int(element.tag[1]) + 1, 4)}"
            elif element.tag == "h6":
                element.tag = "h4"


class _ShiftHeadingsExtension(Extension):
    def extendMarkdown(self, md_instance):  # noqa: N802 - Python-Markdown's API
        md_instance.treeprocessors.register(_ShiftHeadings(md_instance), "ov_shift", 5)


def render_markdown(text: str) -> str:
    html = md.markdown(
        text, extensions=["sane_lists", "tables", _ShiftHeadingsExtension()], output_format="html"
    )
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
        strip_comments=True,
    )
