"""The picture that stands for a post where readers scan: lists, the front page, search results.

Two steps, kept apart on purpose:

- `lead_picture(post)` chooses the picture (pure): the front matter `image:`, else the first
  picture of the body, else none. Open Graph and JSON-LD use the same choice (meta.py).
- `fill_thumbnail(picture, kind, made)` says what the browser gets for it: the `<img>`'s
  `src`, `srcset`, `sizes`, `width`, `height` and `alt`, as a `Thumbnail`, from the files the
  image pipeline made of the picture (`made(picture)`, a `newsroom.images.Picture`): its 3:2
  crops at 160/320/480 px for SMALL, its WebP widths for LEAD. It is the only function that knows
  which files exist: templates and the search index print the `Thumbnail` it returns and decide
  nothing.

Every thumbnail is shown cropped to `ASPECT` by CSS (`object-fit: cover`), so a picture of any
shape takes a box of the same shape and nothing moves while it loads. A post without a picture
has no thumbnail (None): its list item is text only, never an empty grey box.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from .images.pipeline import Picture
from .images.settings import PICTURE_SUFFIXES
from .model import Post

PictureOf = Callable[[str], "Picture | None"]  # what the image pipeline made of a site path ("2019/04/x/anh.jpg")
ASPECT = (3, 2)  # width : height of every thumbnail box (news.css uses the same ratio)

# What a thumbnail is for, with the `sizes` the browser picks a `srcset` candidate by. The widths
# are those news.css gives the boxes (the root font size is 20 px under Material, media queries
# count 16 px to the em): keep the two in step.
SMALL = "small"  # beside a title in lists, "Tin liên quan", search results: 6 rem on phones, 10 rem from 45em
LEAD = "lead"  # the front page's lead story: the column's width on phones, 60% of 61 rem on desktops
SIZES = {
    SMALL: "(min-width: 45em) 200px, 120px",
    LEAD: "(min-width: 76.25em) 720px, (min-width: 45em) 60vw, 100vw",
}


@dataclass(frozen=True)
class Candidate:
    """One file of a `srcset`: its URL (site path, like `Post.url`) and its width in pixels."""

    url: str
    width: int


@dataclass(frozen=True)
class Thumbnail:
    """What an `<img>` showing a post's picture needs; templates print it and nothing else.

    `src` and each candidate's `url` are site paths ("2019/04/x/anh.jpg"), turned into links
    relative to the page by the template (MkDocs' `url` filter). `width`/`height` are those of
    the file at `src`, so the browser reserves the box before the file arrives. `alt` is empty:
    the thumbnail sits beside the post's linked title, which already names it (WCAG H2: a
    picture repeating its link's text is decorative).
    """

    src: str
    srcset: tuple[Candidate, ...]
    sizes: str
    width: int
    height: int
    alt: str = ""


def lead_picture(post: Post) -> str:
    """The picture that stands for `post`: its `image`, else the first picture of its body, else "".

    A site path ("2025/10/x/anh.jpg", "assets/images/a.png") or, for `image:`, a full URL.
    """
    if post.image:
        return post.image
    return next((a.href for a in post.assets if a.href.lower().endswith(PICTURE_SUFFIXES)), "")


def fill_thumbnail(picture: str, kind: str, made: PictureOf) -> Thumbnail | None:
    """The `Thumbnail` of `picture` (a `lead_picture`) shown as `kind` (SMALL or LEAD), or None.

    SMALL: the picture's 3:2 crops (160/320/480 px, WebP), `src` the 320 px one (a 120 px box on a
    phone of 2-3 device pixels per CSS pixel). LEAD: its WebP widths (480 to 1600 px), `src` the
    720 px one; CSS crops it to the same 3:2 box. `width`/`height` are those of the file at `src`.
    None for a picture on another site (a list must not make readers' phones fetch from third
    parties) and for one the pipeline did not make.
    """
    if not picture or "://" in picture or picture.startswith("//"):
        return None
    found = made(picture)
    if found is None:
        return None
    files = found.thumbs if kind == SMALL else found.webp
    wanted = 320 if kind == SMALL else 720
    src = next((file for file in files if file.width >= wanted), files[-1])
    srcset = tuple(Candidate(file.path, file.width) for file in files)
    return Thumbnail(src=src.path, srcset=srcset, sizes=SIZES[kind], width=src.width, height=src.height)


def post_thumbnail(post: Post, kind: str, made: PictureOf) -> Thumbnail | None:
    """The thumbnail of `post` shown as `kind`, or None when it has no picture to show."""
    picture = lead_picture(post)
    return fill_thumbnail(picture, kind, made) if picture else None
