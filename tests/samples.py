"""Small real files of every kind the site accepts (tests/fixtures/files, or made here), for tests
that publish images and attachments: the build checks content, so a file of three bytes named
.jpg is refused."""

from __future__ import annotations

import shutil
import zipfile
from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures" / "files"


def _zip(path: Path, entries: dict[str, str], first: tuple[str, str] | None = None) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        if first:  # OpenDocument: "mimetype" first and stored
            archive.writestr(zipfile.ZipInfo(first[0]), first[1], compress_type=zipfile.ZIP_STORED)
        for name, text in entries.items():
            archive.writestr(name, text)


def _ooxml(path: Path, main_part: str) -> None:
    types = (
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        f'<Override PartName="/{main_part}" ContentType="application/xml"/></Types>'
    )
    _zip(path, {"[Content_Types].xml": types, "_rels/.rels": "<Relationships/>", main_part: "<x/>"})


def make_sample(folder: Path, kind: str, name: str = "") -> Path:
    """A small real file of `kind` (its extension: "jpg", "docx"...), named `name` or `sample.<kind>`."""
    path = folder / (name or f"sample.{kind}")
    folder.mkdir(parents=True, exist_ok=True)
    committed = FIXTURES / f"sample.{kind}"
    if committed.exists():  # images, audio, video, old Office: tiny real files, committed
        shutil.copy(committed, path)
    elif kind == "docx":
        _ooxml(path, "word/document.xml")
    elif kind == "xlsx":
        _ooxml(path, "xl/workbook.xml")
    elif kind == "pptx":
        _ooxml(path, "ppt/presentation.xml")
    elif kind in ("odt", "ods", "odp"):
        name = {"odt": "text", "ods": "spreadsheet", "odp": "presentation"}[kind]
        _zip(path, {"content.xml": "<x/>"}, first=("mimetype", f"application/vnd.oasis.opendocument.{name}"))
    elif kind == "zip":
        _zip(path, {"danh-sach.txt": "Danh sách đoàn viên\n"})
    elif kind == "pdf":
        path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
    elif kind == "txt":
        path.write_text("Công đoàn cơ sở Sở Lao động - Thương binh và Xã hội\n", encoding="utf-8")
    elif kind == "csv":
        path.write_text("Họ và tên,Đơn vị,Số tiền\nNguyễn Văn A,CĐCS Sở LĐTBXH,500000\n", encoding="utf-8")
    else:
        raise ValueError(kind)
    return path
