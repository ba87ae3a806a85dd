"""Every piece of Vietnamese wording the site and the tools show, in one place.

Templates receive `LABELS` as `t`; error messages are built from `MESSAGES`.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "home": "Trang chủ",
    "latest": "Tin mới nhất",
    "pinned": "Tin nổi bật",
    "by_category": "Tin theo chuyên mục",
    "see_all": "Xem tất cả",
    "archive": "Lưu trữ",
    "archive_intro": "Tất cả bài viết theo năm và tháng.",
    "archive_year": "Lưu trữ năm {year}",
    "archive_month": "Lưu trữ tháng {month}/{year}",
    "month": "Tháng {month}",
    "year": "Năm {year}",
    "categories": "Chuyên mục",
    "category": "Chuyên mục",
    "tags": "Thẻ",
    "tag": "Thẻ",
    "units": "Đơn vị",
    "unit": "Đơn vị",
    "authors": "Tác giả",
    "posts_count": "{count} bài viết",
    "related": "Tin liên quan",
    "previous_post": "Bài trước",
    "next_post": "Bài sau",
    "page_of": "Trang {page}/{pages}",
    "page": "Trang {page}",
    "newer_page": "Trang trước",
    "older_page": "Trang sau",
    "pagination": "Phân trang",
    "read_more": "Đọc tiếp",
    "empty": "Chưa có bài viết nào.",
    "published": "Ngày đăng",
    "document": "Thông tin văn bản",
    "document_number": "Số ký hiệu",
    "document_type": "Loại văn bản",
    "document_place": "Nơi ban hành",
    "document_issued": "Ngày ban hành",
    "document_signer": "Người ký",
    "document_recipients": "Nơi nhận",
    "document_attachments": "Tệp đính kèm",
    "download": "Tải về",
    "feed": "Nhận tin RSS",
    "feed_of": "Tin RSS chuyên mục {name}",
    "footer_address": "Địa chỉ",
    "footer_phone": "Điện thoại",
    "footer_email": "Thư điện tử",
    "footer_responsible": "Chịu trách nhiệm nội dung",
    "footer_license": "Ghi rõ nguồn khi phát hành lại thông tin từ trang này.",
    "category_page": "Chuyên mục: {name}",
    "tag_page": "Thẻ: {name}",
    "unit_page": "Đơn vị: {name}",
    "categories_intro": "Tất cả chuyên mục của trang tin.",
    "tags_intro": "Tất cả thẻ (từ khóa) của bài viết.",
    "units_intro": "Các đơn vị có bài viết trên trang.",
    "search_title": "Tìm kiếm",
    "search_all": "Xem tất cả kết quả, lọc theo chuyên mục, đơn vị, năm →",
    "search_intro": "Gõ có dấu hoặc không dấu đều được, ví dụ: cong doan, đại hội, 263/KH-LĐLĐ.",
    "search_query": "Từ khóa",
    "search_button": "Tìm",
    "search_any_category": "Mọi chuyên mục",
    "search_any_unit": "Mọi đơn vị",
    "search_any_year": "Mọi năm",
    "search_year": "Năm",
    "search_more": "Xem thêm kết quả",
    "not_found_title": "Không tìm thấy trang",
    "not_found_text": "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy dùng ô tìm kiếm, hoặc xem tin mới nhất dưới đây.",
}

# Wording the search script shows, shipped to the browser inside search/meta.json.
SEARCH_LABELS: dict[str, str] = {
    "search_number": "Số",
    "search_results": "{count} bài viết phù hợp",
    "search_none": "Không tìm thấy bài viết phù hợp.",
    "search_missing": "Không có bài nào chứa",
    "search_loading": "Đang tìm…",
    "search_error": "Không tải được dữ liệu tìm kiếm. Hãy thử lại.",
}

# (what is wrong, how to fix it), keyed by the kind of problem; `{...}` are filled by the caller.
MESSAGES: dict[str, tuple[str, str]] = {
    "read_failed": ("không đọc được tệp ({error})", "kiểm tra quyền đọc tệp"),
    "not_utf8": (
        "tệp không được lưu bằng bảng mã UTF-8 (có thể là Windows-1258 hoặc TCVN3)",
        "mở tệp và lưu lại với bảng mã UTF-8, hoặc dùng lệnh `newsroom import` để chuyển đổi",
    ),
    "empty_file": ("tệp rỗng", "xóa tệp này hoặc viết bài theo mẫu của `newsroom new`"),
    "too_large": (
        "tệp quá lớn ({size} MB, tối đa {limit} MB)",
        "tách bài thành nhiều bài hoặc đưa tài liệu dài vào tệp đính kèm",
    ),
    "no_front_matter": (
        "bài viết thiếu phần thông tin đầu bài (front matter)",
        "thêm ở dòng đầu tiên một dòng `---`, các trường title, date, categories, rồi một dòng `---`",
    ),
    "unclosed_front_matter": (
        "phần thông tin đầu bài mở bằng `---` nhưng không có dòng `---` đóng lại",
        "thêm một dòng `---` sau trường cuối cùng của phần thông tin đầu bài",
    ),
    "yaml_tab": (
        "phần thông tin đầu bài có ký tự Tab, YAML không cho phép",
        "thay ký tự Tab bằng dấu cách (2 dấu cách cho mỗi bậc thụt lề)",
    ),
    "yaml_syntax": (
        "lỗi cú pháp YAML: {problem}",
        "kiểm tra dấu hai chấm sau tên trường, thụt lề và đặt giá trị có dấu `:` hoặc `#` trong ngoặc kép",
    ),
    "not_mapping": (
        "phần thông tin đầu bài phải là danh sách các trường dạng `tên: giá trị`",
        "viết mỗi trường trên một dòng, ví dụ `title: Tiêu đề bài viết`",
    ),
    "duplicate_field": ("trường bị khai báo hai lần", "xóa một trong hai dòng"),
    "unknown_field": (
        "trường không được hỗ trợ",
        "xóa trường này hoặc sửa tên; các trường hợp lệ: {allowed}",
    ),
    "missing": ("thiếu trường bắt buộc", "thêm dòng `{field}: {example}`"),
    "not_text": (
        "phải là một đoạn văn bản, không phải {got}",
        "viết giá trị trên cùng dòng, ví dụ `{field}: {example}` (đặt trong ngoặc kép nếu có dấu `:`)",
    ),
    "empty_text": ("không được để trống", "điền nội dung, ví dụ `{field}: {example}`"),
    "not_list": (
        "phải là danh sách văn bản, không phải {got}",
        "viết dạng `{field}: [Mục 1, Mục 2]`",
    ),
    "not_bool": ("phải là true hoặc false, không phải {got}", "viết `{field}: true` hoặc `{field}: false`"),
    "bad_date": (
        "ngày giờ \"{value}\" không hợp lệ",
        "viết theo dạng NĂM-THÁNG-NGÀY hoặc NĂM-THÁNG-NGÀY GIỜ:PHÚT, ví dụ `{field}: 2021-07-29` hoặc `{field}: 2021-07-29 14:30`",
    ),
    "undeclared_category": (
        "chuyên mục \"{value}\" chưa được khai báo trong cấu hình trang",
        "dùng một chuyên mục có sẵn ({allowed}) hoặc khai báo thêm trong mkdocs.yml, mục extra.newsroom.categories",
    ),
    "no_category": ("cần ít nhất một chuyên mục", "viết ví dụ `categories: [Tin tức - Sự kiện]`"),
    "bad_slug": (
        "slug \"{value}\" chỉ được chứa chữ thường không dấu, chữ số và dấu gạch ngang",
        "viết ví dụ `slug: {suggestion}` hoặc xóa dòng này để tự tạo từ tiêu đề",
    ),
    "empty_slug": (
        "không tạo được đường dẫn từ tên tệp",
        "thêm dòng `slug: ten-bai-viet` (chữ thường không dấu, nối bằng dấu gạch ngang)",
    ),
    "not_mapping_field": (
        "phải là nhóm trường con (thụt lề bên dưới), không phải {got}",
        "viết các trường con thụt lề 2 dấu cách dưới `{field}:`",
    ),
    "bad_attachment": (
        "mỗi tệp đính kèm phải là đường dẫn tệp hoặc nhóm `file:` và `title:`",
        "viết ví dụ `- file: ke-hoach.pdf` và dòng dưới `  title: Kế hoạch (PDF)`",
    ),
    "missing_file": (
        "không tìm thấy tệp \"{value}\"",
        "đặt tệp vào thư mục {folder} hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường)",
    ),
    "duplicate_url": (
        "đường dẫn /{url} trùng với bài {other}",
        "đổi tiêu đề hoặc thêm trường `slug:` khác cho một trong hai bài",
    ),
    "unknown_link": (
        "bài liên quan \"{value}\" không tồn tại",
        "ghi đường dẫn tệp tính từ thư mục posts/, ví dụ `{example}`",
    ),
    "self_link": ("bài viết không thể liên quan đến chính nó", "xóa \"{value}\" khỏi `links`"),
}

ALLOWED_FIELDS_HINT = "title, date, categories, tags, unit, authors, description, image, draft, pin, slug, links, document"


def message(kind: str, **values: object) -> tuple[str, str]:
    """The (what is wrong, how to fix) pair for a problem of `kind`."""
    what, fix = MESSAGES[kind]
    return what.format(**values), fix.format(**values)

# Material for MkDocs interface strings (its `vi` translation leaves some in English or wrong).
THEME_LABELS: dict[str, str] = {
    "language": "vi",
    "direction": "ltr",
    "action.edit": "Chỉnh sửa",
    "action.skip": "Chuyển đến nội dung",
    "action.view": "Xem mã nguồn của trang",
    "announce.dismiss": "Không hiển thị lại",
    "blog.archive": "Lưu trữ",
    "blog.authors": "Tác giả",
    "blog.categories": "Chuyên mục",
    "blog.categories.in": "Trong",
    "blog.continue": "Đọc tiếp",
    "blog.draft": "Bản nháp",
    "blog.index": "Quay lại",
    "blog.meta": "Thông tin bài viết",
    "blog.references": "Bài viết liên quan",
    "clipboard.copy": "Sao chép",
    "clipboard.copied": "Đã sao chép",
    "consent.accept": "Đồng ý",
    "consent.manage": "Cài đặt",
    "consent.reject": "Từ chối",
    "footer": "Chân trang",
    "footer.next": "Sau",
    "footer.previous": "Trước",
    "header": "Đầu trang",
    "meta.comments": "Bình luận",
    "meta.source": "Mã nguồn",
    "nav": "Điều hướng",
    "readtime.one": "1 phút đọc",
    "readtime.other": "# phút đọc",
    "rss.created": "Nhận tin RSS",
    "rss.updated": "Nhận tin RSS (bài cập nhật)",
    "search": "Tìm kiếm",
    "search.config.lang": "vi",
    "search.config.pipeline": "stopWordFilter",
    "search.config.separator": "[\\s\\-]+",
    "search.placeholder": "Tìm kiếm",
    "search.share": "Chia sẻ",
    "search.reset": "Xóa",
    "search.result.initializer": "Đang chuẩn bị tìm kiếm",
    "search.result.placeholder": "Nhập từ khóa để tìm kiếm",
    "search.result.none": "Không tìm thấy bài viết phù hợp",
    "search.result.one": "1 bài viết phù hợp",
    # the header box shows the best 20 at most; "search_all" links to every result
    "search.result.other": "# bài viết phù hợp nhất",
    "search.result.more.one": "1 kết quả khác trong trang",
    "search.result.more.other": "# kết quả khác trong trang",
    "search.result.term.missing": "Không có",
    "select.language": "Chọn ngôn ngữ",
    "select.version": "Chọn phiên bản",
    "source": "Xem mã nguồn",
    "source.file.contributors": "Người đóng góp",
    "source.file.date.created": "Ngày tạo",
    "source.file.date.updated": "Cập nhật lần cuối",
    "tabs": "Thẻ điều hướng",
    "toc": "Mục lục",
    "top": "Lên đầu trang",
}
