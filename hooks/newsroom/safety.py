"""No script from posts: the HTML a post body turns into is read with a real parser and refused
when it could run code in a reader's browser.

The body is rendered with Python-Markdown and the extensions MkDocs and our mkdocs.yml use, so
that what is checked is what readers get: `<script>` shown in a code block is text (allowed),
`<script>` in a list item or an attribute added with `{: onclick=... }` is markup (refused).
The result is read with the standard library's `html.parser`; where that parser and a browser
could disagree (comments closed early, CDATA, elements whose content browsers read as raw text,
stray `<`), the markup is refused too. Refused:

- elements that run, load or restyle things: script, style, link, meta, base, form, frames,
  applets, svg and math (their own parsing rules), and elements browsers read as raw text;
- `on*=` attributes (event handlers) and `srcdoc`;
- `javascript:`, `vbscript:` and `data:` URLs (except `data:image/...` pictures) in any URL attribute,
  also from Markdown links and images (`[x](javascript:...)`);
- `<iframe>`, `<embed>`, `<object>` unless their address is `https://` on a host of
  `extra.newsroom.embeds` (YouTube and Facebook by default), with nothing inside an iframe.

Each finding is (line in the body, kind, values) for the message table in labels.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import markdown

# What MkDocs always adds (toc, tables, fenced_code) and what mkdocs.yml enables; toc adds no markup
# a post controls. An extension that turns more text into code would make this check stricter, not weaker.
MARKDOWN_EXTENSIONS = ("tables", "fenced_code", "attr_list", "md_in_html", "admonition")

REFUSED_TAGS = frozenset(
    {
        "script", "style", "link", "meta", "base", "form", "applet", "frame", "frameset", "portal",
        "svg", "math",
        # browsers read their content as raw text, html.parser as markup: they could disagree
        "noscript", "noembed", "noframes", "xmp", "plaintext", "textarea", "title",
    }
)  # fmt: skip
EMBED_TAGS = {"iframe": "src", "embed": "src", "object": "data"}
URL_ATTRIBUTES = frozenset(
    {
        "href", "src", "action", "formaction", "data", "poster", "background", "cite", "xlink:href",
        "lowsrc", "dynsrc", "longdesc", "codebase", "manifest", "ping", "archive", "classid", "profile",
        "usemap", "icon",
    }
)  # fmt: skip
REFUSED_ATTRIBUTES = frozenset({"srcdoc"})
SCRIPT_SCHEMES = frozenset({"javascript", "vbscript", "livescript", "mocha"})
SAFE_DATA = re.compile(r"^data:image/(?:png|jpe?g|gif|webp|avif|bmp)[;,]", re.IGNORECASE)
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):", re.IGNORECASE)
_TAG_OPEN = re.compile(r"<[a-zA-Z/!?]")
# Only bodies with one of these can become dangerous HTML: raw HTML or autolinks (<), attribute
# lists ({), character references (&), script URLs and data URLs. The rest skip the rendering.
_SUSPECT = re.compile(r"[<{&]|script|data\s*:", re.IGNORECASE)
_FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})")
_CODE_SPAN = re.compile(r"(`+)[^`].*?\1", re.DOTALL)

_renderer: markdown.Markdown | None = None


@dataclass(frozen=True)
class Finding:
    """Something refused in a body; the first of `needles` found in the body is where it was written."""

    kind: str
    values: dict
    needles: tuple[str, ...]


def _render(body: str) -> str:
    global _renderer
    if _renderer is None:
        _renderer = markdown.Markdown(extensions=list(MARKDOWN_EXTENSIONS))
    return _renderer.reset().convert(body)


def shown_value(value: str, limit: int = 60) -> str:
    """A value as it can be printed in a message: one line, control characters visible, short."""
    text = "".join(char if char.isprintable() else f"\\x{ord(char):02x}" for char in value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_url(value: str) -> str:
    """The URL a browser would follow: tabs and newlines removed, controls and spaces trimmed."""
    return re.sub(r"[\t\n\r]", "", value).strip("".join(chr(c) for c in range(0x21)))


def url_scheme_problem(value: str) -> str | None:
    """The scheme of a URL when it runs code or is not a picture (`data:`); None when it is fine."""
    url = clean_url(value)
    match = _SCHEME.match(url)
    if not match:
        return None
    scheme = match.group(1).lower()
    if scheme in SCRIPT_SCHEMES or (scheme == "data" and not SAFE_DATA.match(url)):
        return scheme
    return None


def embed_host(value: str) -> tuple[str, str]:
    """(scheme, host) of an embed address as a browser reads it; ("", "") when it has none."""
    url = clean_url(value)
    match = re.match(r"^([a-z][a-z0-9+.-]*):[/\\]{2}([^/?#\\]*)", url, re.IGNORECASE)
    if not match:
        return "", ""
    return match.group(1).lower(), match.group(2).lower()


class _Scanner(HTMLParser):
    def __init__(self, embeds: frozenset[str]):
        super().__init__(convert_charrefs=False)  # a raw "<" in text then means markup it could not read
        self.embeds = embeds
        self.findings: list[Finding] = []
        self.in_iframe = 0

    def add(self, kind: str, needles: str | tuple[str, ...], **values: object) -> None:
        self.findings.append(Finding(kind, values, (needles,) if isinstance(needles, str) else needles))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        element = f"<{tag}"
        if self.in_iframe:
            self.add("html_embed_content", element, tag="iframe")
        if tag in REFUSED_TAGS:
            self.add("html_tag", element, tag=tag)
        for name, value in attrs:
            if name.startswith("on") or name in REFUSED_ATTRIBUTES:
                self.add("html_event", name, tag=tag, attribute=name)
            elif value and name in URL_ATTRIBUTES:
                self._url(tag, name, value)
            elif value and name == "srcset":
                for candidate in value.split(","):
                    self._url(tag, name, (candidate.split() or [""])[0])
        if tag in EMBED_TAGS:
            self._embed(tag, dict(attrs).get(EMBED_TAGS[tag]) or "")
            self.in_iframe += tag == "iframe"

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "iframe":
            self.in_iframe -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "iframe" and self.in_iframe:
            self.in_iframe -= 1

    def _url(self, tag: str, attribute: str, value: str) -> None:
        scheme = url_scheme_problem(value)
        if scheme:
            needles = (clean_url(value)[:20], f"{scheme}:", scheme, f"{attribute}=")
            self.add("html_url", needles, tag=tag, attribute=attribute, scheme=scheme, value=shown_value(value))

    def _embed(self, tag: str, address: str) -> None:
        scheme, host = embed_host(address)
        allowed = ", ".join(sorted(self.embeds))
        if host not in self.embeds:
            self.add("html_embed", f"<{tag}", tag=tag, value=shown_value(address) or "(trống)", allowed=allowed)
        elif scheme != "https":
            self.add("html_embed_https", f"<{tag}", tag=tag, value=shown_value(address))

    def handle_data(self, data: str) -> None:
        stray = _TAG_OPEN.search(data)
        if stray:
            text = data[stray.start() :].split("\n")[0]
            self.add("html_markup", text[:20], value=shown_value(text))

    def handle_comment(self, data: str) -> None:
        # browsers end "<!-->" and "<!--->" at once and also close at "--!>"; this parser does not
        if data.startswith((">", "->")) or "--!>" in data or _TAG_OPEN.search(data):
            self.add("html_markup", "<!--", value=shown_value(f"<!--{data}-->"))

    def unknown_decl(self, data: str) -> None:  # <![CDATA[...]]>: a bogus comment to browsers
        self.add("html_markup", "<![", value=shown_value(f"<![{data}]]>"))


def _code_masked(body: str) -> str:
    """`body` with fenced code blocks and code spans blanked out (same length, same lines)."""
    lines = body.split("\n")
    fence = ""
    for index, line in enumerate(lines):
        match = _FENCE.match(line)
        if fence:
            if match and match.group(1)[0] == fence[0] and len(match.group(1)) >= len(fence):
                fence = ""
            lines[index] = " " * len(line)
        elif match:
            fence = match.group(1)
            lines[index] = " " * len(line)
    masked = "\n".join(lines)
    return _CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), masked)


def _line_of(needles: tuple[str, ...], occurrence: int, texts: tuple[str, str]) -> int:
    """1-based body line of the `occurrence`-th needle, outside code first; 1 when not found."""
    for needle in needles:
        end = r"(?![\w-])" if needle.startswith("<") and needle[-1:].isalnum() else ""
        pattern = re.compile(re.escape(needle) + end, re.IGNORECASE)
        for text in texts:
            offsets = [match.start() for match in pattern.finditer(text)]
            if offsets:
                offset = offsets[min(occurrence, len(offsets) - 1)]
                return text.count("\n", 0, offset) + 1
    return 1


def body_findings(body: str, embeds: frozenset[str] | tuple[str, ...]) -> list[tuple[int, str, dict]]:
    """(line in the body, message kind, values) for every refused piece of markup, in order."""
    if not _SUSPECT.search(body):
        return []
    scanner = _Scanner(frozenset(host.lower() for host in embeds))
    scanner.feed(_render(body))
    scanner.close()
    texts = (_code_masked(body), body)
    seen: dict[str, int] = {}  # how many times each needle was met: the n-th finding is at the n-th match
    found: list[tuple[int, str, dict]] = []
    for finding in scanner.findings:
        key = finding.needles[0].lower()
        occurrence = seen[key] = seen.get(key, -1) + 1
        entry = (_line_of(finding.needles, occurrence, texts), finding.kind, finding.values)
        if entry not in found:
            found.append(entry)
    return found
