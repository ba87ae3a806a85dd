"""No script from posts: raw HTML that could run code in a reader's browser is refused with the
file, the line and the fix; embeds are allowed only from the hosts of `extra.newsroom.embeds`."""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup

from conftest import copy_project, mkdocs_build, post_meta, site_config, write_post
from newsroom.config import DEFAULT_EMBEDS, ConfigError, load_config
from newsroom.reader import read_posts
from newsroom.safety import body_findings
from sitecheck import broken_links

YOUTUBE = (
    '<iframe width="560" height="315" src="https://www.youtube.com/embed/dQw4w9WgXcQ" title="YouTube video player" '
    'frameborder="0" allow="accelerometer; autoplay; encrypted-media" referrerpolicy="strict-origin-when-cross-origin" '
    "allowfullscreen></iframe>"
)
BODY_LINE = 8  # write_post: "---", title, date, "categories:" and its item, "---", a blank line, then the body


def problems(posts_dir, body, **config):
    write_post(posts_dir, "2021/07/tin.md", body, **post_meta())
    return read_posts(posts_dir, site_config(**config), root=posts_dir.parent).problems


def only_problem(posts_dir, body, **config):
    found = problems(posts_dir, body, **config)
    assert len(found) == 1, [str(p) for p in found]
    (problem,) = found
    assert problem.path == "posts/2021/07/tin.md" and problem.field == "nội dung" and problem.fix
    return problem


REFUSED = {
    "script": ("<script>alert(1)</script>", "thẻ HTML <script>"),
    "script in a list item": ("- Mục một\n\n    <script>alert(1)</script>", "thẻ HTML <script>"),
    "script inside allowed markup": ('<div markdown="1">\n*Chú ý* <script>alert(1)</script>\n</div>', "thẻ HTML <script>"),
    "uppercase script": ("<SCRIPT SRC=//evil.example/x.js></SCRIPT>", "thẻ HTML <script>"),
    "style": ("<style>body { display: none }</style>", "thẻ HTML <style>"),
    "form": ('<form action="https://evil.example/login"><input name="mat-khau"></form>', "thẻ HTML <form>"),
    "meta refresh": ('<meta http-equiv="refresh" content="0;url=https://evil.example">', "thẻ HTML <meta>"),
    "base": ('<base href="https://evil.example/">', "thẻ HTML <base>"),
    "link": ('<link rel="stylesheet" href="https://evil.example/x.css">', "thẻ HTML <link>"),
    "svg": ("<svg><a xlink:href=\"https://congdoan.vn\">x</a></svg>", "thẻ HTML <svg>"),
    "noscript": ('<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>', "thẻ HTML <noscript>"),
    "onerror": ('<img src="https://congdoan.vn/anh.jpg" onerror="alert(1)">', "thuộc tính onerror= trên thẻ <img>"),
    "onclick unquoted": ("<p onclick=alert(1)>Bấm</p>", "thuộc tính onclick= trên thẻ <p>"),
    "onload on an allowed embed": (YOUTUBE.replace("allowfullscreen", 'onload="alert(1)"'), "thuộc tính onload= trên thẻ <iframe>"),
    "on* added with attr_list": ('[Công đoàn](https://congdoan.vn){: onmouseover="alert(1)" }', "thuộc tính onmouseover= trên thẻ <a>"),
    "srcdoc": ('<iframe src="https://www.youtube.com/embed/x" srcdoc="<b>x</b>"></iframe>', "thuộc tính srcdoc="),
    "javascript: Markdown link": ("[bấm vào đây](javascript:alert(1))", "dùng kiểu javascript:"),
    "javascript: reference link": ("[bấm vào đây][x]\n\n[x]: javascript:alert(1)", "dùng kiểu javascript:"),
    "javascript: with an entity and a tab": ('<a href="java&#x09;script&#58;alert(1)">x</a>', "dùng kiểu javascript:"),
    "JavaScript: in capitals, after spaces": ('<a href="  JavaScript:alert(1)">x</a>', "dùng kiểu javascript:"),
    "vbscript: image": ("![ảnh](vbscript:msgbox)", "dùng kiểu vbscript:"),
    "data:text/html link": ("[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)", "dùng kiểu data:"),
    "javascript: in srcset": ('<img src="https://congdoan.vn/a.jpg" srcset="https://congdoan.vn/a.jpg 1x, javascript:alert(1) 2x">', "dùng kiểu javascript:"),
    "iframe from an unknown host": ('<iframe src="https://evil.example/x"></iframe>', 'khung nhúng <iframe> từ "https://evil.example/x"'),
    "iframe host hidden in the user name": ('<iframe src="https://www.youtube.com@evil.example/"></iframe>', "khung nhúng <iframe>"),
    "iframe without an address": ("<iframe></iframe>", "khung nhúng <iframe> từ \"(trống)\""),
    "iframe over http": (YOUTUBE.replace("https://", "http://"), "khung nhúng <iframe> dùng địa chỉ không mã hóa"),
    "iframe with markup inside": ('<iframe src="https://www.youtube.com/embed/x"><p title="</iframe><img src=x onerror=alert(1)>"></p></iframe>', "chứa thẻ HTML bên trong"),
    "embed": ('<embed src="https://evil.example/x.swf">', "khung nhúng <embed>"),
    "object": ('<object data="https://evil.example/x"></object>', "khung nhúng <object>"),
    "comment closed early": ("<!--><img src=x onerror=alert(1)>-->", "viết sai hoặc lạ"),
    "CDATA": ("<![CDATA[ ><img src=x onerror=alert(1)> ]]>", "viết sai hoặc lạ"),
}


# the line of the refused markup in the snippets of more than one line (0: the first)
REFUSED_LINE = {"script in a list item": 2, "script inside allowed markup": 1, "javascript: reference link": 2}


@pytest.mark.parametrize("name", list(REFUSED))
def test_refused_markup_is_named_with_its_line_and_fix(posts_dir, name):
    body, what = REFUSED[name]
    problem = only_problem(posts_dir, f"Đoạn mở đầu.\n\n{body}\n")
    assert what in problem.what
    assert problem.line == BODY_LINE + 2 + REFUSED_LINE.get(name, 0)


@pytest.mark.parametrize(
    "body",
    [
        YOUTUBE,
        YOUTUBE.replace("www.youtube.com", "www.youtube-nocookie.com"),
        '<iframe src="https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fwww.facebook.com%2Fx" width="500"></iframe>',
        "```html\n<script>alert(1)</script>\n```",
        "Viết `<script>` trong câu là chữ, không phải mã.",
        "    <script>alert(1)</script>",
        "<!-- Viết nội dung bài dưới dòng này. -->\n\nNội dung.",
        '<figure markdown="1">\n![Ảnh](https://congdoan.vn/a.jpg)\n<figcaption>Ảnh <b>đẹp</b></figcaption>\n</figure>',
        '<p style="text-align: center"><a href="https://congdoan.vn" target="_blank">Công đoàn Việt Nam</a></p>',
        "![Biểu đồ](data:image/png;base64,iVBORw0KGgo=)",
        "Lương tăng < 5% & thưởng > 2 triệu; công thức a<b, 3 > 2.",
        "[Tài liệu](https://congdoan.vn/javascript-co-ban) về lập trình",
        "| Cột | Giá trị |\n| --- | --- |\n| <b>đậm</b> | 1 |",
    ],
    ids=["youtube", "youtube-nocookie", "facebook", "script in a fenced block", "script in inline code",
         "script in an indented block", "comment", "figure", "style attribute and link", "data image", "text with < & >",
         "the word javascript in a URL", "table"],  # fmt: skip
)
def test_allowed_markup_and_code_shown_as_text(posts_dir, body):
    assert problems(posts_dir, f"Đoạn mở đầu.\n\n{body}\n") == ()


def test_every_refused_piece_is_reported_at_its_own_line(posts_dir):
    body = "Một.\n\n<script>a()</script>\n\n```\n<script>trong mã</script>\n```\n\n<script>b()</script>\n\n[x](javascript:c())\n"
    found = problems(posts_dir, body)
    assert [(p.line, p.what.split(" ")[0]) for p in found] == [(BODY_LINE + 2, "thẻ"), (BODY_LINE + 8, "thẻ"), (BODY_LINE + 10, "địa")]


def test_body_problems_come_with_front_matter_problems(posts_dir):
    write_post(posts_dir, "a.md", "<script>x</script>\n", **post_meta(date="31/02/2021"))
    fields = [p.field for p in read_posts(posts_dir, site_config()).problems]
    assert fields == ["date", "nội dung"]


def test_the_embed_allow_list_comes_from_the_configuration(posts_dir):
    vimeo = '<iframe src="https://player.vimeo.com/video/1"></iframe>'
    assert "www.youtube.com" in only_problem(posts_dir, vimeo).what
    assert problems(posts_dir, vimeo, embeds=["player.vimeo.com"]) == ()
    assert "player.vimeo.com" in only_problem(posts_dir, YOUTUBE, embeds=["Player.Vimeo.com"]).what
    assert only_problem(posts_dir, YOUTUBE, embeds=[]).what.endswith("bằng https:// từ ")


def test_embed_configuration_defaults_and_errors():
    assert load_config({"categories": ["Báo cáo"]}).embeds == tuple(sorted(DEFAULT_EMBEDS))
    assert set(DEFAULT_EMBEDS) == {"www.youtube.com", "www.youtube-nocookie.com", "www.facebook.com"}
    for bad in ("www.youtube.com", ["https://www.youtube.com/"], [1]):
        with pytest.raises(ConfigError, match="extra.newsroom.embeds"):
            load_config({"categories": ["Báo cáo"], "embeds": bad})


def test_plain_posts_are_not_rendered_to_be_checked(monkeypatch):
    """Speed: a body without <, {, &, 'script' or 'data:' cannot become dangerous HTML, so it is not rendered."""
    import newsroom.safety as safety

    monkeypatch.setattr(safety, "_render", lambda body: pytest.fail("rendered"))
    assert body_findings("Công đoàn tỉnh trao 200 suất quà.\n\n## Kết quả\n\n- Một: 1\n", DEFAULT_EMBEDS) == []


@pytest.mark.build
def test_a_youtube_embed_and_a_script_in_a_code_block_are_published(tmp_path):
    project = copy_project(tmp_path / "project", with_posts=False)
    body = f"Video buổi lễ:\n\n{YOUTUBE}\n\nMã mẫu:\n\n```html\n<script>alert(1)</script>\n```\n"
    write_post(project / "posts", "2021/07/tin.md", body, **post_meta())
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stderr
    page = BeautifulSoup((tmp_path / "site/2021/07/tin/index.html").read_text(encoding="utf-8"), "html.parser")
    body = page.select_one(".news-post__body")
    assert body.select_one("iframe")["src"] == "https://www.youtube.com/embed/dQw4w9WgXcQ"
    assert body.select("script") == [] and "<script>alert(1)</script>" in body.select_one("pre code").get_text()
    assert broken_links(tmp_path / "site", "/tin-tuc/") == []
