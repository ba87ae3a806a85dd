"""The site's pictures: made at build time (pipeline), shown as `<picture>` (html), sized (sizes).

decode -> orient -> sRGB -> resize -> encode (process.py) on every core with a cache between
builds (pipeline.py, cache.py); templates and pages print the `Picture` records.
"""

from .html import CONTENT_SIZES, PageImages, enhance_images, picture_html
from .pipeline import Picture, Pictures, Variant, make_pictures
from .process import Refused, make_picture
from .settings import DEFAULT, PICTURE_SUFFIXES, Settings
from .sizes import ImageSizes, header_size, image_size, site_path

__all__ = [
    "CONTENT_SIZES", "DEFAULT", "ImageSizes", "PICTURE_SUFFIXES", "PageImages", "Picture", "Pictures", "Refused",
    "Settings", "Variant", "enhance_images", "header_size", "image_size", "make_picture", "make_pictures",
    "picture_html", "site_path",
]  # fmt: skip
