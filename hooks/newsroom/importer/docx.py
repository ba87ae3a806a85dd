"""Word files (.docx) through mammoth, which turns Word's own structure into clean HTML.

mammoth maps Word headings, numbered and bulleted lists, bold and italics and tables to their
HTML elements (rather than copying fonts and sizes), which is what a news post keeps.
"""

from __future__ import annotations

import io

import mammoth
import mammoth.images

from ..labels import cli_text
from .blocks import Extracted
from .html import blocks_of_html
from .record import ImportFailed


def _no_image(image) -> dict[str, str]:
    # An empty <img> keeps the count of pictures without copying them into the post as data URLs.
    return {"src": ""}


def extract_docx(raw: bytes, name: str) -> Extracted:
    try:
        result = mammoth.convert_to_html(io.BytesIO(raw), convert_image=mammoth.images.img_element(_no_image))
    except Exception as error:  # a damaged file can fail anywhere in the converter: zip, XML, styles
        raise ImportFailed("import_bad_docx", file=name, error=type(error).__name__) from None
    return blocks_of_html(result.value, cli_text("format_docx"), (), name)
