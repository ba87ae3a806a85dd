from dataclasses import replace
from datetime import datetime

from conftest import VN
from helpers import make_post
from newsroom.config import RelatedConfig
from newsroom.related import related_posts
from newsroom.site import build_site, published
from conftest import site_config

TOPICS = {
    "dai-hoi": "đại hội công đoàn cơ sở nhiệm kỳ bầu ban chấp hành đại biểu",
    "mai-am": "mái ấm công đoàn hỗ trợ xây nhà đoàn viên khó khăn bàn giao",
    "an-toan": "an toàn vệ sinh lao động tháng hành động tai nạn lao động kiểm tra",
}


def corpus(n_per_topic=6):
    posts = []
    for t, (topic, words) in enumerate(TOPICS.items()):
        for i in range(n_per_topic):
            posts.append(
                make_post(
                    f"{topic}-{i}",
                    f"202{i % 4}-0{1 + t}-1{i} 08:00",
                    title=f"{words.split()[0]} {words.split()[1]} tin số {i}",
                    body=f"{words}. " * (3 + i % 3) + f"Nội dung riêng số {topic} {i}.",
                    tags=[topic],
                )
            )
    return tuple(sorted(posts, key=lambda p: (-p.date.timestamp(), p.url)))


def test_related_lists_have_five_posts_of_the_same_topic_and_never_the_post_itself():
    posts = corpus()
    related = related_posts(posts, RelatedConfig())
    for post in posts:
        others = related[post.url]
        assert len(others) == 5
        assert post not in others
        topic = post.slug.rsplit("-", 1)[0]
        assert all(o.slug.startswith(topic) for o in others), (post.slug, [o.slug for o in others])


def test_related_is_deterministic_and_independent_of_input_order():
    posts = corpus()
    first = related_posts(posts, RelatedConfig())
    again = related_posts(posts, RelatedConfig())
    assert first == again
    shuffled = published(tuple(reversed(posts)), datetime(2030, 1, 1, tzinfo=VN))
    assert related_posts(shuffled, RelatedConfig()) == first


def test_hand_picked_links_come_first_in_written_order():
    posts = list(corpus())
    target = next(i for i, p in enumerate(posts) if p.slug == "dai-hoi-0")
    posts[target] = replace(posts[target], links=("an-toan-2.md", "mai-am-1.md", "khong-co.md"))
    related = related_posts(tuple(posts), RelatedConfig())["2020/01/dai-hoi-0/"]
    assert [p.slug for p in related[:2]] == ["an-toan-2", "mai-am-1"]
    assert len(related) == 5 and all(p.slug.startswith("dai-hoi") for p in related[2:])


def test_nothing_under_the_threshold_is_related():
    posts = (
        make_post("a", body="đại hội công đoàn", tags=[], categories=["Báo cáo"], unit="A"),
        make_post("b", body="thời tiết mùa xuân", tags=[], categories=["Kế hoạch"], unit="B"),
    )
    assert related_posts(posts, RelatedConfig()) == {posts[0].url: (), posts[1].url: ()}


def test_unit_and_tags_count_when_content_is_off():
    posts = (
        make_post("a", tags=["x"], unit="A"),
        make_post("b", tags=["x"], unit="B"),
        make_post("c", tags=[], unit="A"),
        make_post("d", tags=[], unit="C"),
    )
    config = RelatedConfig(content=0, categories=0, recency=0)
    related = related_posts(posts, config)
    assert [p.slug for p in related[posts[0].url]] == ["b", "c"]  # tags weigh more than unit


def test_closer_in_time_wins_between_equals():
    posts = published(
        (
            make_post("goc", "2021-06-01 08:00", tags=["x"]),
            make_post("gan", "2021-05-01 08:00", tags=["x"]),
            make_post("xa", "2015-05-01 08:00", tags=["x"]),
        ),
        datetime(2030, 1, 1, tzinfo=VN),
    )
    config = RelatedConfig(content=0, categories=0, unit=0)
    assert [p.slug for p in related_posts(posts, config)[posts[0].url]] == ["gan", "xa"]


def test_ties_go_to_the_newer_post():
    posts = published(
        (make_post("goc", "2021-06-01 08:00", tags=["x"]),
         make_post("cu", "2021-05-01 08:00", tags=["x"]),
         make_post("moi", "2021-07-01 08:00", tags=["x"])),
        datetime(2030, 1, 1, tzinfo=VN),
    )
    config = RelatedConfig(content=0, categories=0, unit=0)  # recency on: both are 30 days away
    assert [p.slug for p in related_posts(posts, config)["2021/06/goc/"]] == ["moi", "cu"]


def test_drafts_and_scheduled_posts_are_never_related():
    now = datetime(2022, 1, 1, tzinfo=VN)
    posts = [
        make_post("a", "2021-01-01 08:00", tags=["x"]),
        make_post("b", "2021-02-01 08:00", tags=["x"]),
        make_post("nhap", "2021-03-01 08:00", tags=["x"], draft=True),
        make_post("sap-dang", "2023-03-01 08:00", tags=["x"]),
    ]
    site = build_site(posts, site_config(), now)
    for view in site.post_views.values():
        assert {p.slug for p in view.related} <= {"a", "b"}
    assert set(site.post_views) == {"2021/01/a/", "2021/02/b/"}
