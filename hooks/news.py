"""MkDocs hook: adapts MkDocs events to the `newsroom` package. Keep it thin.

All state lives in one `_Build` made at `on_config`; MkDocs loads this module anew for every
build (also on each `mkdocs serve` rebuild), so nothing leaks from one build to the next.

Posts and listing pages are rendered by news_render.py on every core after MkDocs has built its
own pages, with Material's frame rendered once per frame (news_frames.py); NEWSROOM_RENDER=mkdocs
lets MkDocs render every page itself with no cache instead (same output, the tests compare),
NEWSROOM_JOBS=N sets the number of processes (default: one per core), NEWSROOM_CACHE=folder keeps
rendered Markdown there between builds (news_cache.py). Pictures are made before anything is
written (newsroom.images, on every core) and kept in NEWSROOM_IMAGE_CACHE (default .cache/images).
"""

from __future__ import annotations

import functools
import gzip
import logging
import os
import shutil
import tempfile
from datetime import datetime
from pathlib import Path

from markupsafe import Markup
from mkdocs.exceptions import PluginError
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from newsroom import ConfigError, build_site, load_config, published, read_posts
from newsroom.citations import citation_links, link_citations
from newsroom.feeds import feeds, sitemap
from newsroom.images import ImageSizes, PageImages, enhance_images, make_pictures, picture_html
from newsroom.images.problems import refusal_problems
from newsroom.images.sources import docs_pictures, post_pictures
from newsroom.inert import MissingLibmagic, check_libmagic
from newsroom.labels import LABELS, THEME_LABELS
from newsroom.meta import page_meta
from newsroom.policy import SITE_REFERRER, meta_tags, site_policy
from newsroom import offline
from newsroom.publishing import check_site_url, site_files
from newsroom.redirects import MAP_PATH, redirect_files
from newsroom.search import build_search_index
from newsroom.preview import plan_preview
from newsroom.reader import post_files
from newsroom.pages import GeneratedPage, build_time, generated_assets, generated_pages
from newsroom.taxonomy import term_url
from newsroom.text import format_date, format_datetime
from newsroom.thumbnails import post_thumbnail
from newsroom.whitespace import collapse_whitespace

from news_admin import admin_mkdocs_files
from news_cache import MarkdownCache
from news_frames import FrameCache, TitleStub
from news_render import Background, MarkdownRenderer, build_page, run_parallel

log = get_plugin_logger("newsroom")


class _OriginalsNotPublished(logging.Filter):
    """MkDocs says at INFO, for every picture, that a page links to a file excluded from the site:
    that is the original, which is never published (the page shows the files made of it)."""

    def filter(self, record):
        return "which is excluded from the built site" not in record.getMessage()


logging.getLogger("mkdocs.structure.pages").addFilter(_OriginalsNotPublished())


class _Build:
    def __init__(self, config):
        try:
            self.settings = load_config(config.extra.get("newsroom"))
            self.now = build_time(os.environ, self.settings.timezone, datetime.now().astimezone())
            check_site_url(self.settings, config.site_url)
            check_libmagic()
        except MissingLibmagic as error:
            raise PluginError(str(error)) from None
        except (ConfigError, ValueError) as error:
            raise PluginError(f"Cấu hình trang (mkdocs.yml) không hợp lệ: {error}") from None
        self.root = Path(config.config_file_path).parent
        self.posts_dir = self.root / self.settings.posts_dir
        self.site = None
        # `make serve` sets NEWSROOM_PREVIEW: staff see drafts, and a big site builds a subset
        self.preview = os.environ.get("NEWSROOM_PREVIEW", "") not in ("", "0")
        self.parallel = os.environ.get("NEWSROOM_RENDER", "parallel") != "mkdocs"
        self.jobs = int(os.environ.get("NEWSROOM_JOBS") or os.cpu_count() or 1)
        self.our_pages: list[tuple[File, GeneratedPage]] = []  # rendered by news_render, not by MkDocs
        self.search = None  # the search index being built in the background
        # rendered Markdown kept between builds (CI keeps the folder); never with MkDocs alone
        cache = os.environ.get("NEWSROOM_CACHE", "")
        self.cache = MarkdownCache(Path(cache), config) if cache and self.parallel else None
        self.nav = None
        # made pictures kept between builds (`make build`/`serve` and CI set it); without it they
        # are made in a temporary folder removed after the build: the build writes only site/
        images = os.environ.get("NEWSROOM_IMAGE_CACHE", "")
        self.image_cache = self.root / images if images else None
        self.image_scratch = None
        self.pictures = None


_build: _Build | None = None


def on_config(config):
    global _build
    _build = _Build(config)
    # our sitemap dates posts by their own date and leaves drafts out; it replaces the theme's
    config.theme.static_templates.discard("sitemap.xml")
    return config


def on_pre_build(config):
    # Before MkDocs empties site/: with a bad post, even a plain `mkdocs build` keeps the last site.
    only = None
    if _build.preview:
        every = post_files(_build.posts_dir)
        _build.preview = plan_preview(every, {path: path.stat().st_mtime for path in every})
        only = _build.preview.paths
    jobs = _build.jobs if _build.parallel else 1
    docs = Path(config.docs_dir)
    theme_dirs = (Path(config.theme.custom_dir),) if config.theme.custom_dir else ()
    corpus = read_posts(
        _build.posts_dir, _build.settings, root=_build.root, docs_dir=docs, only=only, jobs=jobs,
        published_dirs=(docs,), theme_dirs=theme_dirs,
    )  # fmt: skip
    if corpus.problems:
        listed = "\n".join(f"  {problem}" for problem in corpus.problems)
        raise PluginError(f"Không thể dựng trang: {len(corpus.problems)} lỗi trong bài viết, chưa có gì được xuất bản:\n{listed}")
    _build.corpus = corpus
    _make_pictures(config, corpus)


def _make_pictures(config, corpus):
    """Every picture the site shows, made now: a refused one stops the build before site/ is touched."""
    docs = Path(config.docs_dir)
    theme_files = (config.theme.get("logo"), config.theme.get("favicon"))
    in_docs = docs_pictures(docs, keep=[f for f in theme_files if isinstance(f, str)])
    sources = {**in_docs, **post_pictures(corpus.posts)}
    jobs = _build.jobs if _build.parallel else 1
    folder = _build.image_cache
    if folder is None:
        folder = _build.image_scratch = Path(tempfile.mkdtemp(prefix="newsroom-images-"))
    pictures = make_pictures(sources, folder, jobs=jobs, prune=_build.image_cache is not None and not _build.preview)
    if pictures.refused:
        default = _build.settings.default_image
        shown_by = {in_docs[default]: ("mkdocs.yml", "extra.newsroom.default_image")} if default in in_docs else {}
        problems = refusal_problems(pictures.refused, corpus.posts, _build.root, shown_by)
        listed = "\n".join(f"  {problem}" for problem in problems)
        raise PluginError(f"Không thể dựng trang: {len(problems)} lỗi ảnh, chưa có gì được xuất bản:\n{listed}")
    _build.pictures = pictures
    _build.docs_pictures = set(in_docs)
    if pictures.made:
        log.info(f"{pictures.made} ảnh được xử lý mới / {len(pictures.by_path)} ảnh")


def on_files(files, config):
    corpus = _build.corpus
    docs = Path(config.docs_dir)
    static_urls = [file.url for file in files.documentation_pages()]
    # sizes of the posts' own pictures (published beside them) and of docs/ files, each read once
    sources = {a.href: a.source for post in corpus.posts for a in post.assets if a.source is not None}
    _build.images = ImageSizes(sources, docs)
    thumbnail_of = functools.partial(_thumbnail, _build.pictures.get)
    if _build.parallel:  # site/ has just been emptied: from here on the index can be written there
        visible = published(corpus.posts, _build.now, preview=bool(_build.preview))
        search = functools.partial(_write_search_index, visible, Path(config.site_dir), thumbnail_of)
        _build.search = Background(search, _build.jobs, config.strict)
    _build.site = build_site(corpus.posts, _build.settings, _build.now, preview=bool(_build.preview), thumbnail_of=thumbnail_of)
    for page in [*generated_pages(_build.site), *_offline_pages()]:
        file = File.generated(config, page.src_uri, content=page.content, inclusion=InclusionLevel.NOT_IN_NAV)
        if _build.parallel and not page.in_nav:
            _build.our_pages.append((file, page))
            file = File.generated(config, page.src_uri, content="", inclusion=InclusionLevel.EXCLUDED)
        _add(docs, files, file)  # excluded stand-ins keep links to our pages resolvable
    assets = generated_assets(_build.site)
    pictures = _build.pictures
    for asset in assets:  # a picture is published as the files made of it, never as the original:
        # the original stays known to MkDocs, excluded, so links to it in Markdown still resolve
        excluded = pictures.get(asset.src_uri) is not None
        inclusion = InclusionLevel.EXCLUDED if excluded else InclusionLevel.UNDEFINED
        _add(docs, files, File.generated(config, asset.src_uri, abs_src_path=str(asset.source), inclusion=inclusion))
    for uri in _build.docs_pictures:
        files.get_file_from_path(uri).inclusion = InclusionLevel.EXCLUDED
    shown = {asset.src_uri for asset in assets} | _build.docs_pictures
    for picture in (pictures.by_path[uri] for uri in sorted(shown) if uri in pictures.by_path):
        for variant in picture.variants:
            if files.get_file_from_path(variant.path) is None:
                files.append(File.generated(config, variant.path, abs_src_path=str(pictures.files[variant.path])))
    base_url = config.site_url or "/"
    outputs = feeds(_build.site, base_url, config.site_name)
    outputs["sitemap.xml"] = sitemap(_build.site, base_url, static_urls + _listing_urls(_build.site))
    outputs["sitemap.xml.gz"] = gzip.compress(outputs["sitemap.xml"], mtime=0)
    outputs.update(site_files(_build.settings, base_url))
    old_links, problems = redirect_files(_build.site.posts, config.site_url or "", _build.settings.posts_dir)
    if problems:
        listed = "\n".join(f"  {problem}" for problem in problems)
        raise PluginError(f"Không thể dựng trang: {len(problems)} lỗi địa chỉ cũ, chưa có gì được xuất bản:\n{listed}")
    outputs.update(old_links)
    outputs.update(_offline_files(docs, config))
    if not _build.parallel:
        outputs.update(build_search_index(_build.site.posts, thumbnail_of))
    for path, content in outputs.items():
        _add(docs, files, File.generated(config, path, content=content))
    for file in admin_mkdocs_files(config, _build.settings, corpus.posts, files):
        _add(docs, files, file)
    log.info(f"{len(_build.site.posts)} bài viết được xuất bản / {len(corpus.posts)} bài trong {_build.settings.posts_dir}/")
    return files


def _offline_pages():
    if not _build.settings.offline.enabled:
        return []
    return offline.offline_pages(LABELS["offline_title"], LABELS["saved_title"])


def _offline_files(docs, config):
    settings = _build.settings.offline
    if not settings.enabled:
        return {}
    logo = docs / settings.logo
    try:
        icons = offline.icon_files(logo)
    except FileNotFoundError:
        raise PluginError(f"extra.newsroom.offline.logo: không có tệp docs/{settings.logo}; cần một ảnh vuông (PNG hoặc JPEG) làm biểu trưng") from None
    except (OSError, ValueError) as error:
        raise PluginError(f"extra.newsroom.offline.logo (docs/{settings.logo}): {error}") from None
    return {
        offline.MANIFEST_PATH: offline.manifest(config.site_name, _build.settings.unit, config.site_description or "", settings),
        offline.LATEST_PATH: offline.latest_posts(_build.site.posts, settings.latest),
        **icons,
    }


def _add(docs_dir, files, file):
    existing = files.get_file_from_path(file.src_uri)
    if existing is not None and Path(existing.abs_src_path or "").is_relative_to(docs_dir):
        raise PluginError(
            f"Trang docs/{existing.src_uri} trùng đường dẫn /{file.url} với một trang tin tự tạo -> đổi tên tệp trong docs/"
        )
    if existing is not None:  # a theme file, such as Material's sitemap.xml template: ours wins
        files.remove(existing)
    files.append(file)


def on_nav(nav, config, files):
    _build.nav = nav
    _build.frames = FrameCache(nav) if _build.parallel else None
    return nav


def on_env(env, config, files):
    _build.env, _build.files = env, files
    # globals, not page context: the 404 page and Material's partials need them too
    env.globals.update(t=LABELS, theme_labels=THEME_LABELS, newsroom=_build.settings, news_site=_build.site)
    env.globals.update(news_preview=_build.preview or None, news_now=_build.now, news_old_links=MAP_PATH)
    env.globals["news_offline"] = offline.head_links() if _build.settings.offline.enabled else None
    env.globals["news_policy"] = meta_tags(site_policy(_build.settings.embeds), SITE_REFERRER)
    env.filters["vn_datetime"] = lambda post: format_datetime(post.date, post.has_time)
    env.filters["vn_date"] = format_date
    env.filters["term_url"] = term_url
    env.filters["thumbnail"] = _build.site.thumbnail  # a listed post's picture, or None
    env.globals.update(news_frame=_frame, news_title_stub=TitleStub)
    env.auto_reload = False  # a new environment every build: no need to stat templates at each include
    return env


def _frame(part, key, title=None, *, caller):
    return _build.frames.render(part, key, caller, title) if _build.frames else caller()


def on_page_content(html, page, config, files):
    view = _build.site.view(page.url)
    if getattr(view, "cites", None):  # a post page naming documents the site has: link the first mentions
        html = link_citations(html, citation_links(view.post, _build.site.citations))
    # the lead picture: the post's `image:` above the body (post.html), else the body's first
    lead = getattr(view, "post", None) is not None and not view.post.image
    return enhance_images(html, _build.images.on_page(page.url), PageImages(page.url, _build.pictures), lead=lead)


def on_page_context(context, page, config, nav):
    context["news"] = view = _build.site.view(page.url)
    context["news_frame_key"] = _build.frames.key(page) if _build.frames else None
    description = page.meta.get("description") or config.site_description or ""
    context["news_meta"] = page_meta(
        view, url=page.url, title=page.title or "", description=description, base_url=config.site_url or "/",
        site_name=config.site_name, settings=_build.settings, size_of=_build.images, share_of=_share_image,
    )  # fmt: skip
    post = getattr(view, "post", None)
    picture = _build.pictures.get(post.image) if post is not None else None
    context["news_lead_picture"] = Markup(picture_html(picture, PageImages(page.url, _build.pictures), {"class": "news-post__image", "alt": ""}, lead=True)) if picture else None
    return context


def _share_image(path):
    """The Open Graph / JSON-LD image made of the picture at `path`: (site path, width, height)."""
    picture = _build.pictures.get(path)
    return (picture.jpeg.path, picture.jpeg.width, picture.jpeg.height) if picture else None


def _listing_urls(site):
    return [view.url for view in (*site.index_views, *site.list_views, site.documents)]


def on_post_build(config):
    if _build.parallel:
        _render_our_pages(config)
    if _build.settings.offline.enabled:  # last: the worker's version hashes the files it keeps
        site_dir = Path(config.site_dir)
        script = offline.worker_script(site_dir, _build.settings.offline, LABELS["offline_fallback"])
        (site_dir / offline.WORKER_PATH).write_bytes(script)
    _remove_scratch()  # MkDocs has copied the pictures into site/ by now


def _render_our_pages(config):
    env = _build.env
    # the stand-ins of our pages left out; pictures' originals kept, so links to them resolve
    mkdocs_files = [f for f in _build.files if f.inclusion is not InclusionLevel.EXCLUDED or _build.pictures.get(f.src_uri)]
    files = Files([*mkdocs_files, *(file for file, _ in _build.our_pages)])
    doc_files = files.documentation_pages()
    renderer = MarkdownRenderer(config, _build.cache)
    tasks = [
        functools.partial(build_page, file, config, files, _build.nav, env, doc_files, renderer, (page.meta, page.body))
        for file, page in _build.our_pages
    ]
    run_parallel(tasks, _build.jobs, config.strict)
    _build.search.wait()
    if _build.cache is not None and not _build.preview:  # a preview builds a few posts: keep the rest
        _build.cache.prune()


def _remove_scratch():
    if _build is not None and _build.image_scratch is not None:
        shutil.rmtree(_build.image_scratch, ignore_errors=True)
        _build.image_scratch = None


def on_build_error(error):
    _remove_scratch()
    if _build is not None and _build.search is not None:
        _build.search.cancel()


def _thumbnail(made, post, kind):
    return post_thumbnail(post, kind, made)


def _write_search_index(posts, site_dir: Path, thumbnail_of) -> None:
    for path, content in build_search_index(posts, thumbnail_of).items():
        target = site_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def on_post_page(output, page, config):
    return collapse_whitespace(output)
