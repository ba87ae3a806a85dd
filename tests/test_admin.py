"""The admin page (newsroom.admin): packages verified, CDN URLs moved, the form and the validator agree."""

from __future__ import annotations

import json
import shutil

import jsonschema
import pytest
import yaml

from conftest import ADMIN_PACKAGES, ROOT, site_config, write_post
from newsroom.admin import PackageError, SiteFacts, admin_files, check_form, cms_config, post_fields
from newsroom.admin.form import POST_FORMAT
from newsroom.admin.packages import PACKAGES, Package, fetch, integrity_of, open_packages, read_pins
from newsroom.admin.vendor import BUNDLE, vendor
from newsroom.frontmatter import DOCUMENT_FIELDS, FIELD_KEYS, Source, build_post, decode, split
from newsroom.inert import KINDS

LOCK = ROOT / "package-lock.json"
ADMIN_URL = "/tin-tuc/admin/"
FACTS = SiteFacts("Liên đoàn Lao động tỉnh Lai Châu", "https://congdoan-laichau.github.io/tin-tuc/", ("LĐLĐ tỉnh Lai Châu",), (2021, 2019))


def settings(**overrides):
    return site_config(admin={"repo": "congdoan-laichau/tin-tuc"}, **overrides)


@pytest.fixture(scope="module")
def packages():
    if not all((ADMIN_PACKAGES / pin.tarball).is_file() for pin in read_pins(LOCK).values()):
        pytest.fail(f"{ADMIN_PACKAGES} lacks the admin packages: run `make admin`")
    return open_packages(LOCK, ADMIN_PACKAGES)


@pytest.fixture(scope="module")
def files(packages):
    return admin_files(settings(), FACTS, lock=LOCK, packages_dir=ADMIN_PACKAGES, admin_url=ADMIN_URL, preview_styles=[])


# --- the form and the validator: one schema ---


def _names(fields):
    return {field["name"] for field in fields}


def test_form_has_every_field_the_validator_reads_and_no_other():
    fields = post_fields(settings(), FACTS)
    assert _names(fields) - {"body"} == set(FIELD_KEYS)
    document = next(field for field in fields if field["name"] == "document")
    assert _names(document["fields"]) == set(DOCUMENT_FIELDS)
    check_form(fields)


@pytest.mark.parametrize("change", ["drop-top", "extra-top", "drop-document", "extra-document"])
def test_a_form_that_drifts_from_the_validator_stops_the_build(change):
    fields = post_fields(settings(), FACTS)
    document = next(field for field in fields if field["name"] == "document")
    if change == "drop-top":
        fields = [field for field in fields if field["name"] != "pin"]
    elif change == "extra-top":
        fields.append({"name": "subtitle", "widget": "string"})
    elif change == "drop-document":
        document["fields"] = [field for field in document["fields"] if field["name"] != "signer"]
    else:
        document["fields"].append({"name": "seal", "widget": "string"})
    with pytest.raises(ValueError, match="pin|subtitle|document.signer|document.seal"):
        check_form(fields)


def _as_the_form_writes(field, index=0):
    """A value of the kind the CMS writes for `field` (YAML front matter)."""
    widget = field["widget"]
    if widget == "datetime":
        return "2021-07-29" if field.get("time_format") is False else "2021-07-29 14:30"
    if widget == "select":
        return field["options"][:2]
    if widget == "boolean":
        return True
    if widget == "list" and "fields" in field:
        return [{sub["name"]: _as_the_form_writes(sub) for sub in field["fields"]}]
    if widget == "list" and field["name"] == "replaces":
        return ["05/KH-LĐLĐ", "02-NQ/TW"]  # document numbers, as the hint asks
    if widget == "list":
        return [f"Mục {index} một", f"Mục {index} hai"]
    if widget == "object":
        return {sub["name"]: _as_the_form_writes(sub, i) for i, sub in enumerate(field["fields"])}
    if widget == "image":
        return "anh.jpg"
    if widget == "file":
        return "van-ban.pdf"
    return "hoi-nghi-doan-vien" if field["name"] == "slug" else f"Văn bản {field['name']}"


def test_every_field_the_form_writes_passes_the_validator(tmp_path):
    config = settings()
    fields = post_fields(config, FACTS)
    meta = {field["name"]: _as_the_form_writes(field, i) for i, field in enumerate(fields) if field["name"] != "body"}
    meta["links"] = ["2021/07/khac.md"]
    meta["aliases"] = ["vi/news/tin-tuc/hoi-nghi-doan-vien-12.html"]  # what `newsroom import` writes
    meta["old_id"] = "nukeviet:news:12"
    posts = tmp_path / "posts"
    write_post(posts, "2021/07/khac.md", title="Bài khác", date="2021-07-01", categories=["Báo cáo"])
    shutil.copy(ROOT / "tests/fixtures/files/sample.jpg", posts / "2021/07/anh.jpg")
    (posts / "2021/07/van-ban.pdf").write_bytes(b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    path = write_post(posts, "2021/07/hoi-nghi-doan-vien.md", **meta)
    source = Source(path, "posts/2021/07/hoi-nghi-doan-vien.md", posts_rel="2021/07/hoi-nghi-doan-vien.md", root=tmp_path)
    assert split(decode(path.read_bytes(), source), source)
    post = build_post(source, config)
    assert source.problems == [], [str(p) for p in source.problems]
    assert post.title == "Văn bản title" and post.pin and post.draft
    assert [c.name for c in post.categories] == [c.name for c in config.categories[:2]]
    assert post.document.number == "Văn bản number" and len(post.document.recipients) == 2
    assert post.document.replaces == ("05/KH-LĐLĐ", "02-NQ/TW")
    assert [a.title for a in post.document.attachments] == ["Văn bản title"]
    assert post.url == "2021/07/hoi-nghi-doan-vien/"


def test_form_offers_the_declared_categories_and_the_default_unit():
    config = settings()
    fields = {field["name"]: field for field in post_fields(config, FACTS)}
    assert fields["categories"]["options"] == [c.name for c in config.categories]
    assert fields["categories"]["min"] == 1 and fields["categories"]["required"] is True
    assert fields["unit"]["default"] == config.unit
    assert fields["date"]["format"] == POST_FORMAT
    image_kinds = {f".{e}" for kind in KINDS if kind.image for e in kind.extensions}
    assert set(fields["image"]["accept"].split(",")) == image_kinds and ".svg" not in fields["image"]["accept"]


def test_list_filters_and_sorting(files):
    collection = yaml.safe_load(files["config.yml"])["collections"][0]
    assert collection["path"] == "{{fields.date | date('YYYY')}}/{{fields.date | date('MM')}}/{{slug}}"
    assert collection["folder"] == "posts"
    assert collection["sortable_fields"]["default"] == {"field": "date", "direction": "descending"}
    filters = {f["name"]: f for f in collection["view_filters"]}
    assert filters["drafts"]["field"] == "draft" and filters["documents"]["field"] == "document.type"
    assert filters["y2021"]["pattern"] == "^2021-" and "y2019" in filters
    assert collection["media_folder"] == "" and collection["public_folder"] == "{{filename}}"


def test_config_is_valid_against_the_schema_the_cms_ships(files, packages):
    schema = json.loads(packages["@sveltia/cms"].read("schema/sveltia-cms.json"))
    config = yaml.safe_load(files["config.yml"])
    jsonschema.Draft7Validator.check_schema(schema)
    jsonschema.validate(config, schema, cls=jsonschema.Draft7Validator)
    config["collections"][0]["fields"][0]["widjet"] = "string"  # the schema really checks
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(config, schema, cls=jsonschema.Draft7Validator)


# --- packages: pinned, verified, nothing fetched from a CDN ---


def test_every_admin_package_is_pinned_with_sha512():
    pins = read_pins(LOCK)
    assert set(pins) == set(PACKAGES)
    assert pins["@sveltia/cms"].version == "0.221.1"
    package = json.loads((ROOT / "package.json").read_text())
    assert all(package["devDependencies"][name] == pin.version for name, pin in pins.items())  # exact pins


def test_a_tarball_that_differs_from_the_lock_is_refused(tmp_path):
    pin = read_pins(LOCK)["@fontsource/noto-mono"]
    data = bytearray((ADMIN_PACKAGES / pin.tarball).read_bytes())
    data[-100] ^= 1
    (tmp_path / pin.tarball).write_bytes(bytes(data))
    with pytest.raises(PackageError, match="không đúng với package-lock.json"):
        Package(pin, tmp_path)
    Package(pin, ADMIN_PACKAGES)  # the real one passes


def test_a_missing_package_names_the_command_to_run(tmp_path):
    with pytest.raises(PackageError, match="make admin"):
        open_packages(LOCK, tmp_path)


def test_fetch_replaces_a_stale_tarball(tmp_path, monkeypatch):
    pins = read_pins(LOCK)
    for pin in pins.values():
        shutil.copy(ADMIN_PACKAGES / pin.tarball, tmp_path / pin.tarball)
    stale = tmp_path / pins["@fontsource/noto-mono"].tarball
    stale.write_bytes(b"old")
    calls = []

    def fake_run(command, **kwargs):
        calls.append(command)
        shutil.copy(ADMIN_PACKAGES / stale.name, stale)

    monkeypatch.setattr("newsroom.admin.packages.subprocess.run", fake_run)
    fetch(LOCK, tmp_path)
    assert calls and calls[0][-1] == "@fontsource/noto-mono@5.3.0" and len(calls[0]) == 6
    assert integrity_of(stale.read_bytes()) == pins["@fontsource/noto-mono"].integrity


def test_the_published_bundle_names_no_cdn(files):
    bundle = files[BUNDLE].decode()
    for host in ("unpkg.com", "cdn.jsdelivr.net", "githubstatus.com/api"):
        assert host not in bundle
    assert f"{ADMIN_URL}unpkg/@sveltia/cms" in bundle and f"{ADMIN_URL}fonts/source-sans-3-latin-wght-normal.woff2" in bundle
    assert "unpkg/@sveltia/cms@0.221.1/locales/vi.json" in files
    assert json.loads(files["unpkg/@sveltia/cms/package.json"])["version"] == "0.221.1"  # no update offered
    assert b"MIT License" in files["LICENSE-sveltia-cms.txt"]
    assert all(files[f"fonts/LICENSE-{n}.txt"] for n in ("source-sans-3", "noto-mono", "material-symbols-outlined"))


def test_fonts_cover_vietnamese(files):
    css = files["admin.css"].decode()
    assert "source-sans-3-vietnamese-wght-normal.woff2" in css and "U+1EA0-1EF9" in css and "U+01AF-01B0" in css
    assert "fonts/source-sans-3-vietnamese-wght-normal.woff2" in files


def _fake_cms(packages, bundle: str):
    """The real packages with the CMS bundle replaced by `bundle`."""
    cms = packages["@sveltia/cms"]
    fake = object.__new__(Package)
    fake.pin = cms.pin
    fake._members = {**cms._members, f"dist/{BUNDLE}": bundle.encode()}
    return {**packages, "@sveltia/cms": fake}


def test_a_new_cdn_url_in_the_bundle_stops_the_build(packages):
    original = packages["@sveltia/cms"].read(f"dist/{BUNDLE}").decode()
    with pytest.raises(PackageError, match="unpkg.com"):
        vendor(_fake_cms(packages, original + ";fetch(`https://unpkg.com/x`)"), ADMIN_URL)
    with pytest.raises(PackageError, match="cdn.jsdelivr.net"):
        vendor(_fake_cms(packages, original + ";fetch(`https://cdn.jsdelivr.net/npm/x`)"), ADMIN_URL)


def test_admin_page_has_a_strict_policy_and_noindex(files):
    html = files["index.html"].decode()
    assert 'name="robots" content="noindex, nofollow"' in html
    assert "default-src &#x27;none&#x27;" in html and "connect-src &#x27;self&#x27; https://api.github.com" in html
    assert "<script>" not in html  # no inline script: script-src 'self' holds
    assert 'href="config.yml"' in html and 'src="sveltia-cms.js"' in html


def test_repo_must_look_like_owner_slash_name():
    from newsroom.config import ConfigError

    with pytest.raises(ConfigError, match="admin.repo"):
        site_config(admin={"repo": "https://github.com/x/y"})
    assert not site_config().admin.enabled
