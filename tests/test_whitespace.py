import re

from hypothesis import given, settings
from hypothesis import strategies as st

from newsroom.whitespace import collapse_whitespace


def test_indentation_between_tags_becomes_one_line_break():
    html = "<div>\n      <p>Công   đoàn</p>\n\n    <a>x</a> <a>y</a>\n</div>"
    assert collapse_whitespace(html) == "<div>\n<p>Công   đoàn</p>\n<a>x</a> <a>y</a>\n</div>"


def test_preformatted_text_and_code_are_kept_as_written():
    kept = "<pre><code>def f():\n    return 1\n\n</code></pre><textarea>a\n   b</textarea><script>\n  var s = `a\n   b`;\n</script><STYLE>\n a {}\n</STYLE>"
    assert collapse_whitespace("<p>\n  x</p>\n  " + kept + "\n   <p>y</p>") == "<p>\nx</p>\n" + kept + "\n<p>y</p>"


def test_spaces_without_a_line_break_are_untouched():
    assert collapse_whitespace("<span>a</span>   <span>b</span>") == "<span>a</span>   <span>b</span>"


@settings(max_examples=2000)
@given(st.text(alphabet=["a", "<", " ", "\t", "\n", "\r", "\x0b", "\x0c", "\xa0", "\u2003", "\x85", "\u2028"], max_size=40))
def test_the_fast_collapse_is_the_one_regular_expression_it_replaces(text):
    assert collapse_whitespace(text) == re.sub(r"[ \t\r\f\v]*\n\s*", "\n", text)
