"""The Content Security Policies (newsroom/policy.py): what each kind of page may load."""

from __future__ import annotations

import pytest

from newsroom.policy import (
    SITE_REFERRER,
    admin_policy,
    meta_tags,
    redirect_policy,
    serialize,
    site_policy,
)

EMBEDS = ("www.youtube.com", "www.facebook.com", "www.youtube-nocookie.com")


def directives(policy_text: str) -> dict[str, list[str]]:
    """A policy read back the way a browser splits it."""
    found = {}
    for part in policy_text.split(";"):
        name, *sources = part.split()
        assert name not in found, f"{name} given twice: a browser keeps only the first"
        found[name] = sources
    return found


def test_reader_pages_load_only_the_site_with_no_inline_script():
    policy = directives(serialize(site_policy(EMBEDS)))
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["style-src-attr"] == ["'unsafe-inline'"]  # Markdown table alignment, posts' style attributes
    assert policy["img-src"] == ["'self'", "data:"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    every_source = [source for sources in policy.values() for source in sources]
    assert "'unsafe-eval'" not in every_source and "*" not in every_source and "https:" not in every_source
    assert not any(source.startswith(("'nonce-", "'sha")) for source in every_source)


def test_frames_come_only_from_the_embed_hosts_over_https():
    policy = directives(serialize(site_policy(EMBEDS)))
    expected = ["https://www.facebook.com", "https://www.youtube-nocookie.com", "https://www.youtube.com"]
    assert policy["frame-src"] == expected
    assert policy["object-src"] == expected  # <embed>/<object> from the same hosts, as the validator allows


def test_no_embeds_means_no_frames():
    policy = directives(serialize(site_policy(())))
    assert policy["frame-src"] == ["'none'"] and policy["object-src"] == ["'none'"]


@pytest.mark.parametrize(
    "host",
    ["www.youtube.com; script-src *", "www.youtube.com 'unsafe-inline'", "https://www.youtube.com", "*.youtube.com", "youtube", ""],
    ids=["semicolon", "quote", "scheme", "wildcard", "no-dot", "empty"],
)
def test_an_embed_that_is_not_a_host_name_never_reaches_a_policy(host):
    with pytest.raises(ValueError, match="embeds"):
        site_policy(["www.facebook.com", host])


def test_directives_a_meta_policy_cannot_carry_are_not_used():
    for policy in (site_policy(EMBEDS), admin_policy(), redirect_policy()):
        assert not {"frame-ancestors", "report-uri", "report-to", "sandbox"} & directives(serialize(policy)).keys()


def test_admin_page_reaches_the_site_and_github_api_only():
    policy = directives(serialize(admin_policy()))
    assert policy["default-src"] == ["'none'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["connect-src"] == ["'self'", "https://api.github.com", "data:", "blob:"]
    assert policy["form-action"] == ["'none'"] and policy["object-src"] == ["'none'"]


def test_redirect_stubs_load_nothing():
    assert directives(serialize(redirect_policy())) == {"default-src": ["'none'"], "base-uri": ["'none'"], "form-action": ["'none'"]}


def test_meta_tags_escape_the_policy_for_an_attribute():
    tags = meta_tags(site_policy(EMBEDS), SITE_REFERRER)
    first, second = tags.splitlines()
    assert first.startswith('<meta http-equiv="Content-Security-Policy" content="default-src &#x27;self&#x27;; ')
    assert "'" not in first and '"' not in first.split('content="', 1)[1].rstrip('">')
    assert second == '<meta name="referrer" content="strict-origin-when-cross-origin">'
