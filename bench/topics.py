"""Posts with planted topics, for measuring related news ("Tin liên quan") against a known truth.

Every post has one true topic: 25 to 55% of its sentences (a share drawn per post) come from
that topic's source document, the rest are ordinary union news sentences from the grammar of
generate.py, shared by all topics (the noise every union site has: the same openers, purposes
and figures everywhere).
The source documents are the three real texts in ../shared/seeds/ (split into sentences) and
synthetic ones: the grammar with the topic's own place, company, organisation, campaign, law and
leader fixed, plus sentences about the topic's event (a theme, a named place or company, the
document number it acts on). Several topics share a theme, as two Mái ấm handovers in two
districts do: only the same event counts as the same topic.

Two modes for the metadata, on the same text:

- `informative`: tags, category and unit follow the topic (each topic has its category, its
  unit and two tags of its own, plus now and then a common tag).
- `random`: tags (0 to 4, common ones more often), category and unit are drawn at random, as a
  provincial site looks: one broad category ("Tin tức - Sự kiện") holds most posts and every post
  has a unit, the provincial federation's on most.

One `random.Random(seed)` draws everything: the same arguments give the same posts.

    python bench/topics.py --posts 1000 --mode random --show 3
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import AUTHORS, CATEGORY_WEIGHTS, DISTRICTS, GRAMMAR, TAGS, UNITS, _capitalise, _Writer  # noqa: E402

from newsroom.model import CATEGORY, TAG, UNIT, Post, Term  # noqa: E402
from newsroom.text import slugify  # noqa: E402

SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"  # beside the repository, as the tests read them
MODES = ("informative", "random")
POSTS_PER_TOPIC = 20  # on average; topic sizes vary (see _topic_weights)
TOPIC_SHARE = (0.25, 0.55)  # share of a post's sentences drawn from its topic's source document
SENTENCES = (6, 12)
FIRST_DAY = datetime(2015, 1, 1)
DAYS = 3652
# The random mode's categories: the broad one holds most posts, as on real union sites.
BROAD = "Tin tức - Sự kiện"
RANDOM_CATEGORY_WEIGHTS = {**CATEGORY_WEIGHTS, BROAD: 100}  # 100 of 162: 62% of posts

# Themes of union news; each synthetic topic is one event on one theme.
THEMES: dict[str, tuple[str, ...]] = {
    "mái ấm": ("bàn giao nhà Mái ấm Công đoàn", "hỗ trợ kinh phí xây nhà cho đoàn viên", "đoàn viên có hoàn cảnh khó khăn về nhà ở", "ngôi nhà mới khang trang, kiên cố"),
    "an toàn lao động": ("Tháng hành động về an toàn, vệ sinh lao động", "huấn luyện kỹ năng phòng cháy chữa cháy", "tai nạn lao động và bệnh nghề nghiệp", "trang bị bảo hộ lao động cho công nhân"),
    "đại hội": ("Đại hội công đoàn cơ sở nhiệm kỳ mới", "bầu Ban Chấp hành và đoàn đại biểu", "kiểm điểm việc thực hiện Nghị quyết nhiệm kỳ trước", "văn kiện trình Đại hội"),
    "học bổng": ("trao học bổng cho con đoàn viên", "học sinh vượt khó học giỏi", "quỹ khuyến học của công đoàn", "năm học mới cho các cháu"),
    "tết sum vầy": ("chương trình Tết Sum vầy", "chuyến xe Công đoàn đưa công nhân về quê đón Tết", "phiên chợ Tết công đoàn", "suất quà Tết cho đoàn viên"),
    "thương lượng": ("thương lượng tập thể và ký kết thỏa ước lao động tập thể", "đối thoại định kỳ tại nơi làm việc", "tiền lương, thưởng và thời giờ làm việc", "quan hệ lao động hài hòa trong doanh nghiệp"),
    "bảo hiểm": ("tuyên truyền chính sách bảo hiểm xã hội tự nguyện", "nợ đọng bảo hiểm xã hội tại doanh nghiệp", "sổ bảo hiểm xã hội và thẻ bảo hiểm y tế", "chế độ ốm đau, thai sản"),
    "nữ công": ("công tác nữ công và bình đẳng giới", "phong trào Giỏi việc nước, đảm việc nhà", "chăm sóc sức khỏe sinh sản cho lao động nữ", "Ngày Phụ nữ Việt Nam"),
    "thể thao": ("giải bóng chuyền hơi công nhân viên chức", "hội diễn văn nghệ quần chúng", "giải kéo co và nhảy bao bố", "đội văn nghệ của công đoàn cơ sở"),
    "chuyển đổi số": ("chuyển đổi số trong hoạt động công đoàn", "phần mềm quản lý đoàn viên", "thẻ đoàn viên điện tử", "ứng dụng công nghệ thông tin"),
    "thiên tai": ("khắc phục hậu quả mưa lũ, sạt lở đất", "hỗ trợ đoàn viên bị thiệt hại do thiên tai", "phòng chống thiên tai và tìm kiếm cứu nạn", "nhà bị sập đổ, cuốn trôi"),
    "tài chính": ("quản lý tài chính, tài sản công đoàn", "thu kinh phí và đoàn phí công đoàn", "quyết toán ngân sách công đoàn", "dự toán thu chi tài chính"),
    "kiểm tra": ("Ủy ban Kiểm tra công đoàn kiểm tra việc chấp hành Điều lệ", "giám sát việc thu, chi đoàn phí", "giải quyết đơn thư khiếu nại, tố cáo", "kết luận sau kiểm tra"),
    "phát triển đoàn viên": ("phát triển đoàn viên và thành lập công đoàn cơ sở", "vận động người lao động gia nhập công đoàn", "công đoàn cơ sở trong doanh nghiệp ngoài nhà nước", "lễ kết nạp đoàn viên mới"),
    "pháp luật": ("tư vấn pháp luật miễn phí cho người lao động", "Bộ luật Lao động và các văn bản hướng dẫn", "hội thi tìm hiểu pháp luật", "văn phòng tư vấn pháp luật công đoàn"),
    "covid": ("phòng, chống dịch COVID-19", "hỗ trợ người lao động bị ảnh hưởng bởi dịch", "tiêm vắc xin cho công nhân", "túi an sinh công đoàn"),
}
PLACE_SYLLABLES = (
    "Bình", "Phúc", "An", "Hòa", "Thịnh", "Hưng", "Long", "Minh", "Tân", "Phú", "Xuân", "Đông", "Sơn", "Thủy",
    "Lâm", "Quang", "Trung", "Giang", "Mường", "Nậm", "Pa", "Khoa", "Bản", "Sìn", "Lả", "Tà", "Mù", "Cang",
    "Chải", "Quy", "Hồ", "Kan", "Hua", "Bum", "Nưa", "Vàng", "Pao", "Dào", "San", "Thàng", "Khổng", "Lào",
)  # fmt: skip
ENTITY_KINDS = ("xã", "bản", "Công ty Cổ phần", "Trường Tiểu học", "Hợp tác xã", "Nhà máy", "Trạm Y tế xã", "Trường Mầm non")
EVENT_SENTENCES = (
    "Tại {entity}, {subject} đã {phrase}, với sự tham gia của {n} đoàn viên.",
    "{Phrase} là nội dung trọng tâm mà {entity} đặt ra trong năm {year}.",
    "Thực hiện {docword} số {docno}, {entity} tập trung {phrase} và {phrase2}.",
    "Theo đánh giá của {leader}, việc {phrase} tại {entity} đã có chuyển biến rõ nét.",
    "Dịp này, {entity} cũng {phrase2}, góp phần {phrase}.",
    "Ban Chấp hành công đoàn {entity} thống nhất {phrase} theo {docword} số {docno}.",
    "Sau buổi làm việc, {entity} cam kết tiếp tục {phrase} và {phrase2}.",
)
DOCWORDS = ("Kế hoạch", "Hướng dẫn", "Công văn", "Quyết định")
DOC_CODES = {"Kế hoạch": "KH", "Hướng dẫn": "HD", "Quyết định": "QĐ"}
_SENTENCE_END = re.compile(r"(?<=[.;!?])\s+|\n+")


@dataclass(frozen=True)
class Topic:
    name: str
    source: tuple[str, ...]  # the sentences of its source document
    category: str
    unit: str
    tags: tuple[str, ...]


def _seed_sentences(path: Path) -> tuple[str, ...]:
    """The sentences of a real text: at least eight words (menus, headers and captions are shorter)."""
    text = path.read_text(encoding="utf-8")
    parts = (p.strip(" \t-–•*") for p in _SENTENCE_END.split(text))
    return tuple(p for p in parts if len(p.split()) >= 8)


def _synthetic_topic(rng: random.Random, index: int, theme: str, categories: list[str]) -> Topic:
    entity = f"{rng.choice(ENTITY_KINDS)} {rng.choice(PLACE_SYLLABLES)} {rng.choice(PLACE_SYLLABLES)}"
    docword = rng.choice(DOCWORDS)
    code = DOC_CODES.get(docword)
    number = f"{rng.randint(1, 400)}/{code}-CĐ" if code else f"{rng.randint(1, 400)}/LĐLĐ-TC"
    date = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    writer = _Writer(rng, date)
    # the topic's own scene: the grammar's places, companies... fixed to one choice each
    for slot in ("district", "company", "org", "campaign", "law", "conference", "leader", "unit"):
        writer.context[slot] = writer.fill(rng.choice(GRAMMAR[slot]))
    phrases = THEMES[theme]
    source = []
    for _ in range(24):
        if rng.random() < 0.5:
            source.append(writer.sentence())
        else:
            phrase, phrase2 = rng.sample(phrases, 2)
            extra = {"entity": entity, "phrase": phrase, "Phrase": _capitalise(phrase), "phrase2": phrase2,
                     "docword": docword, "docno": number}  # fmt: skip
            template = re.sub(r"\{(entity|phrase2|phrase|Phrase|docword|docno)\}", lambda m: extra[m.group(1)], rng.choice(EVENT_SENTENCES))
            source.append(_capitalise(writer.fill(template)))
    place = " ".join(entity.split()[-2:])
    tags = (_capitalise(f"{theme} {place}"), _capitalise(entity))
    return Topic(f"{index:03d}-{slugify(theme)}-{slugify(entity)}", tuple(source), rng.choice(categories), writer.context["unit"], tags)


def make_topics(rng: random.Random, count: int, categories: list[str]) -> list[Topic]:
    """`count` topics: the real seed texts first, then synthetic ones, themes in turn."""
    topics = []
    seeds = sorted(SEEDS.glob("*.txt"))
    if not seeds:
        raise FileNotFoundError(f"no seed texts in {SEEDS}")
    for path in seeds[:count]:
        name = path.stem
        topics.append(Topic(f"seed-{name}", _seed_sentences(path), rng.choice(categories), rng.choice(UNITS), (f"Nguồn {name}", name.split("-")[0])))
    themes = list(THEMES)
    while len(topics) < count:
        topics.append(_synthetic_topic(rng, len(topics), themes[len(topics) % len(themes)], categories))
    return topics


def _topic_weights(count: int) -> list[float]:
    """Topic sizes vary as on a real site: a few big stories, many small ones (1/sqrt(rank))."""
    return [1 / (rank + 1) ** 0.5 for rank in range(count)]


def _random_tags(rng: random.Random, vocabulary: list[str]) -> list[str]:
    """0 to 4 tags, the first tags of the vocabulary far more often (1/rank), as people tag."""
    picked: list[str] = []
    for _ in range(rng.randint(0, 4)):
        tag = rng.choices(vocabulary, weights=[1 / (r + 1) for r in range(len(vocabulary))])[0]
        if tag not in picked:
            picked.append(tag)
    return picked


@dataclass(frozen=True)
class Planted:
    posts: tuple[Post, ...]  # newest first, then URL: the order published() gives
    topic: dict[str, str]  # post URL -> its topic's name


def planted_posts(count: int, mode: str, seed: int = 1, tz=None) -> Planted:
    """`count` published posts with planted topics, metadata as `mode` says (see the module doc)."""
    from zoneinfo import ZoneInfo

    if mode not in MODES:
        raise ValueError(f"mode must be one of {MODES}")
    tz = tz or ZoneInfo("Asia/Ho_Chi_Minh")
    rng = random.Random(seed)
    categories = list(CATEGORY_WEIGHTS)
    topics = make_topics(rng, max(4, count // POSTS_PER_TOPIC), categories)
    weights = _topic_weights(len(topics))
    units_by_weight = [3.0 if i == 0 else 1.0 / (i + 1) for i in range(len(UNITS))]  # the provincial one first
    vocabulary = [tag for topic in topics for tag in topic.tags]
    vocabulary = list(dict.fromkeys([*TAGS, *rng.sample(vocabulary, len(vocabulary))]))
    # The metadata draws come from their own generator, so both modes get exactly the same text.
    meta_rng = random.Random(f"{seed}-{mode}")
    posts, truth, urls = [], {}, set()
    for number in range(count):
        topic = rng.choices(topics, weights=weights)[0]
        date = FIRST_DAY + timedelta(days=rng.randrange(DAYS), hours=rng.randint(7, 17), minutes=rng.randrange(60))
        writer = _Writer(rng, date)
        share = rng.uniform(*TOPIC_SHARE)
        sentences = [rng.choice(topic.source) if rng.random() < share else writer.sentence() for _ in range(rng.randint(*SENTENCES))]
        title = " ".join(rng.choice(topic.source).split()[:14]).rstrip(",;:")
        body = "\n\n".join(" ".join(sentences[i : i + 3]) for i in range(0, len(sentences), 3))
        if mode == "informative":
            tags = list(topic.tags[: rng.randint(1, 2)]) + ([rng.choice(TAGS)] if rng.random() < 0.3 else [])
            category, unit = topic.category, topic.unit
        else:
            tags = _random_tags(meta_rng, vocabulary)
            category = meta_rng.choices(list(RANDOM_CATEGORY_WEIGHTS), weights=list(RANDOM_CATEGORY_WEIGHTS.values()))[0]
            unit = meta_rng.choices(UNITS, weights=units_by_weight)[0]
        moment = date.replace(tzinfo=tz)
        slug = f"{slugify(title, max_words=8)}-{number}"
        url = f"{moment:%Y/%m}/{slug}/"
        assert url not in urls
        urls.add(url)
        posts.append(
            Post(
                source=Path(f"/planted/{slug}.md"), path=f"{moment:%Y/%m}/{slug}.md", title=title, date=moment, has_time=True,
                categories=(_term(CATEGORY, category),), tags=tuple(_term(TAG, t) for t in dict.fromkeys(tags)),
                unit=_term(UNIT, unit), authors=(rng.choice(AUTHORS),), description="", body=body, slug=slug, url=url,
            )  # fmt: skip
        )
        truth[url] = topic.name
    posts.sort(key=lambda p: (-p.date.timestamp(), p.url))
    return Planted(tuple(posts), truth)


def _term(kind: str, name: str) -> Term:
    return Term(kind, slugify(name), name)


def precision_at(related: dict[str, tuple[Post, ...]], planted: Planted, k: int = 5) -> float:
    """Mean share of each list's first `k` posts that have the post's topic.

    A post whose topic has fewer than `k` other posts is judged on that many.
    """
    sizes: dict[str, int] = {}
    for name in planted.topic.values():
        sizes[name] = sizes.get(name, 0) + 1
    total, judged = 0.0, 0
    for post in planted.posts:
        name = planted.topic[post.url]
        possible = min(k, sizes[name] - 1)
        if possible == 0:
            continue
        hits = sum(1 for other in related.get(post.url, ())[:k] if planted.topic[other.url] == name)
        total += hits / possible
        judged += 1
    return total / judged if judged else 0.0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=1000)
    parser.add_argument("--mode", choices=MODES, default="random")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--show", type=int, default=2, help="posts to print in full")
    args = parser.parse_args(argv)
    planted = planted_posts(args.posts, args.mode, args.seed)
    topics = sorted(set(planted.topic.values()))
    print(f"{len(planted.posts)} posts, {len(topics)} topics, mode {args.mode}")
    for post in planted.posts[: args.show]:
        print(f"\n# {post.title}\n[{planted.topic[post.url]}] category {post.category.name}; unit {post.unit.name}; tags {[t.name for t in post.tags]}\n\n{post.body}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
