"""What a page tells search engines and social networks, and the share links under a post.

Canonical URL, Open Graph and Twitter card fields, schema.org JSON-LD (`NewsArticle` on posts,
`WebSite` on the home page) and plain share links (Zalo, Facebook, copy-link: no third-party
script, no cookie). Pure: the site's data in, a `PageMeta` out; the templates only render it.
"""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass
from typing import Callable
from urllib.parse import quote, urlencode

from .config import SiteConfig
from .feeds import absolute
from .labels import LABELS, ORGANISATION_WORDS
from .model import Post
from .thumbnails import lead_picture
from .views import HomeView, PostView

Size = tuple[int, int]
ShareOf = Callable[[str], "tuple[str, int, int] | None"]  # a picture's site path -> its share JPEG (path, width, height)
LANGUAGE, LOCALE = "vi", "vi_VN"
# characters that could end a <script> element or start an HTML comment inside it
_SCRIPT_ESCAPES = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028", "\u2029": "\\u2029"})


@dataclass(frozen=True)
class Image:
    url: str  # absolute
    alt: str
    width: int = 0  # 0 when unknown (an image given by URL)
    height: int = 0


@dataclass(frozen=True)
class ShareLink:
    kind: str  # "zalo", "facebook" or "copy"
    label: str
    title: str
    href: str


@dataclass(frozen=True)
class PageMeta:
    canonical: str
    title: str  # without the site name (og:title)
    description: str
    site_name: str
    type: str = "website"  # og:type: "article" on posts
    image: Image | None = None
    published: str = ""  # article:published_time, ISO 8601 with the Vietnam offset
    section: str = ""  # article:section: the post's primary category
    tags: tuple[str, ...] = ()
    json_ld: str = ""  # ready to put between <script type="application/ld+json"> tags
    share: tuple[ShareLink, ...] = ()
    language: str = LANGUAGE
    locale: str = LOCALE

    @property
    def twitter_card(self) -> str:
        return "summary_large_image" if self.image else "summary"

    def meta_tags(self) -> list[tuple[str, str, str]]:
        """(attribute, key, content) of each <meta>: Open Graph and article use `property`, Twitter `name`."""
        og = [("type", self.type), ("site_name", self.site_name), ("locale", self.locale), ("url", self.canonical)]
        og += [("title", self.title), ("description", self.description)]
        # Only the card type: X/Twitter reads title, description and image from the og: tags,
        # so repeating them would cost every page half a kilobyte for nothing.
        twitter = [("card", self.twitter_card)]
        if self.image:
            og += [("image", self.image.url), ("image:alt", self.image.alt)]
            if self.image.width:
                og += [("image:width", str(self.image.width)), ("image:height", str(self.image.height))]
        article = [("published_time", self.published), ("section", self.section)] if self.published else []
        article += [("tag", tag) for tag in self.tags]
        return (
            [("property", f"og:{key}", value) for key, value in og]
            + [("property", f"article:{key}", value) for key, value in article]
            + [("name", f"twitter:{key}", value) for key, value in twitter]
        )


def script_json(value: object) -> str:
    """JSON that is safe inside a <script> element: `</script>`, `<!--` and `&` cannot appear."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.translate(_SCRIPT_ESCAPES)


def zalo_share_url(url: str) -> str:
    """Zalo's share page for `url` (what its share button opens), as a plain link."""
    data = base64.b64encode(json.dumps({"url": url}, separators=(",", ":")).encode()).decode()
    query = urlencode({"d": data, "layout": "1", "color": "blue", "customize": "false", "shareType": "0"})
    return f"https://button-share.zalo.me/share_external?{query}"


def facebook_share_url(url: str) -> str:
    return "https://www.facebook.com/sharer/sharer.php?u=" + quote(url, safe="")


def share_links(url: str) -> tuple[ShareLink, ...]:
    """Zalo, Facebook and copy-link; the copy link is the page itself, so it works without script."""
    return (
        ShareLink("zalo", LABELS["share_zalo"], LABELS["share_zalo_title"], zalo_share_url(url)),
        ShareLink("facebook", LABELS["share_facebook"], LABELS["share_facebook_title"], facebook_share_url(url)),
        ShareLink("copy", LABELS["share_copy"], LABELS["share_copy_title"], url),
    )


def is_organisation(name: str) -> bool:
    """True for "Văn phòng LĐLĐ tỉnh", False for "Hoàng Thị Lan" (by the first words)."""
    return any(name == word or name.startswith(word + " ") for word in ORGANISATION_WORDS)


def _image(ref: str, alt: str, base_url: str, size_of: Callable[[str], Size | None], share_of: ShareOf) -> Image | None:
    if not ref:
        return None
    if ref.startswith(("http://", "https://")):
        return Image(ref, alt)
    made = share_of(ref)  # the 1200 px JPEG the image pipeline made of it
    if made:
        return Image(absolute(base_url, made[0]), alt, made[1], made[2])
    width, height = size_of(ref) or (0, 0)
    return Image(absolute(base_url, ref), alt, width, height)


def _organisation(settings: SiteConfig, site_name: str, home: str) -> dict:
    publisher = settings.publisher
    found = {"@type": "Organization", "name": publisher.organisation or site_name, "url": home}
    if publisher.email:
        found["email"] = publisher.email
    if publisher.phone:
        found["telephone"] = publisher.phone
    if publisher.address:
        found["address"] = publisher.address
    return found


def news_article(post: Post, canonical: str, image: Image | None, publisher: dict) -> dict:
    """schema.org NewsArticle of a post (what Google reads for Top stories and rich results)."""
    authors = [{"@type": "Organization" if is_organisation(a) else "Person", "name": a} for a in post.authors]
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": post.title,
        "description": post.description,
        "datePublished": post.date.isoformat(),
        "dateModified": post.date.isoformat(),
        "author": authors or [{"@type": "Organization", "name": post.unit.name}],
        "publisher": publisher,
        "mainEntityOfPage": {"@type": "WebPage", "@id": canonical},
        "url": canonical,
        "inLanguage": LANGUAGE,
        "articleSection": post.category.name,
        "isAccessibleForFree": True,
    }
    if image:
        data["image"] = [image.url]
    if post.tags:
        data["keywords"] = [tag.name for tag in post.tags]
    return data


def web_site(site_name: str, description: str, home: str, publisher: dict) -> dict:
    """schema.org WebSite of the home page, with the search page as its SearchAction."""
    return {
        "@context": "https://schema.org",
        "@type": "WebSite",
        "name": site_name,
        "description": description,
        "url": home,
        "inLanguage": LANGUAGE,
        "publisher": publisher,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": absolute(home, "tim-kiem/") + "?tu-khoa={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


def page_meta(
    view: object,
    *,
    url: str,
    title: str,
    description: str,
    base_url: str,
    site_name: str,
    settings: SiteConfig,
    size_of: Callable[[str], Size | None] = lambda path: None,
    share_of: ShareOf = lambda path: None,
) -> PageMeta:
    """Meta of the page at `url` (relative to the site root) showing `view` (None on static pages).

    `title` and `description` are the page's own (its front matter); `description` falls back to
    the site's. `size_of` gives an image's (width, height) from its path in the site; `share_of`
    the JPEG made of a picture for sharing, which is used instead of the picture when there is one.
    """
    canonical, home = absolute(base_url, url), absolute(base_url, "")
    publisher = _organisation(settings, site_name, home)
    default_image = _image(settings.default_image, site_name, base_url, size_of, share_of)
    if isinstance(view, PostView):
        post = view.post
        image = _image(lead_picture(post), post.title, base_url, size_of, share_of) or default_image
        return PageMeta(
            canonical=canonical,
            title=post.title,
            description=post.description or description,
            site_name=site_name,
            type="article",
            image=image,
            published=post.date.isoformat(),
            section=post.category.name,
            tags=tuple(tag.name for tag in post.tags),
            json_ld=script_json(news_article(post, canonical, image, publisher)),
            share=share_links(canonical) if settings.sharing else (),
        )
    if isinstance(view, HomeView):
        return PageMeta(
            canonical=canonical,
            title=site_name,
            description=description,
            site_name=site_name,
            image=default_image,
            json_ld=script_json(web_site(site_name, description, home, publisher)),
        )
    shown = getattr(view, "description", "") or description  # a category's own description
    # a listing's own title is text; `title` is MkDocs' page title, which pages.py hands over as HTML
    title = getattr(view, "title", "") or title
    return PageMeta(canonical=canonical, title=title, description=shown, site_name=site_name, image=default_image)
