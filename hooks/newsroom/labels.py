"""Every piece of Vietnamese wording the site and the tools show, in one place.

Templates receive `LABELS` as `t`; error messages are built from `MESSAGES`.
"""

from __future__ import annotations

LABELS: dict[str, str] = {
    "home": "Trang chủ",
    "latest": "Tin mới nhất",
    "pinned": "Tin nổi bật",
    "top_stories": "Tiêu điểm",  # the front page's lead story and the stories beside it
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
    "preview_all": "Bản xem trước cho văn phòng: hiển thị cả bài nháp và bài hẹn giờ đăng. Trang chính thức được dựng bằng `make build`.",
    "preview_partial": "Bản xem trước cho văn phòng: chỉ dựng {shown} bài mới nhất và bài vừa sửa trên tổng số {total} bài, kể cả bài nháp; danh sách, tin liên quan và tìm kiếm chỉ gồm các bài này. Trang chính thức được dựng đầy đủ bằng `make build`.",
    "draft_marker": "Bản nháp: chưa xuất bản",
    "scheduled_marker": "Hẹn giờ đăng: chưa xuất bản",
    "not_found_title": "Không tìm thấy trang",
    "moved_title": "Bài đã chuyển",
    "moved_text": "Trang này đã chuyển sang địa chỉ mới:",
    "not_found_moving": "Đang tìm bài ở địa chỉ mới…",
    "not_found_text": "Trang bạn tìm không tồn tại hoặc đã được chuyển đi. Hãy dùng ô tìm kiếm, hoặc xem tin mới nhất dưới đây.",
    "not_found_search": "Tìm bài viết",
    "menu": "Mở menu",
    # sharing, printing and images (posts)
    "share": "Chia sẻ bài viết",
    "share_zalo": "Zalo",
    "share_zalo_title": "Chia sẻ lên Zalo",
    "share_facebook": "Facebook",
    "share_facebook_title": "Chia sẻ lên Facebook",
    "share_copy": "Sao chép liên kết",
    "share_copy_title": "Sao chép địa chỉ bài viết",
    "share_copied": "Đã sao chép liên kết",
    "print": "In bài",
    "print_title": "In bài viết này",
    "print_url": "Địa chỉ bài viết",
    "image_zoom": "Phóng to ảnh",
    "close": "Đóng",
    # the official documents page
    "documents": "Văn bản",
    "documents_intro": "Các văn bản chính thức đăng trên trang: số ký hiệu, loại, ngày ban hành, đơn vị ban hành và tệp đính kèm.",
    "documents_filter": "Lọc văn bản",
    "documents_filter_hint": "Số ký hiệu, trích yếu, đơn vị…",
    "documents_type": "Loại văn bản",
    "documents_any_type": "Mọi loại văn bản",
    "documents_unit": "Đơn vị ban hành",
    "documents_title": "Trích yếu",
    "documents_shown": "Hiển thị {shown}/{total} văn bản",
    "documents_none": "Không có văn bản phù hợp.",
    "documents_sort": "Bấm tiêu đề cột để sắp xếp.",
    # reading without a connection (newsroom/offline, news-offline.js)
    "offline_title": "Bạn đang không có kết nối",
    "offline_text": "Máy đang mất mạng nên chưa mở được trang này. Các bài đã lưu dưới đây vẫn đọc được; khi có mạng trở lại, bấm “Thử lại”.",
    "offline_retry": "Thử lại",
    "offline_saved": "Bài đã lưu trên máy",
    "offline_none": "Chưa có bài nào được lưu. Khi có mạng, bấm “Lưu bài để đọc khi mất mạng” dưới mỗi bài, hoặc “Lưu các tin mới nhất”.",
    "offline_fallback": "Bạn đang không có kết nối. Hãy mở lại trang khi có mạng.",
    "saved_title": "Bài đã lưu để đọc khi mất mạng",
    "saved_intro": "Các bài dưới đây được lưu trên máy này và đọc được cả khi không có mạng, kèm ảnh trong bài. Trang tin cũng giữ tệp giao diện, các trang vừa xem và ảnh vừa xem (có giới hạn) để mở nhanh hơn.",
    "save_post": "Lưu bài để đọc khi mất mạng",
    "save_latest": "Lưu các tin mới nhất",
    "save_saving": "Đang lưu…",
    "save_done": "Đã lưu bài này trên máy: đọc được cả khi mất mạng.",
    "save_latest_done": "Đã lưu {count} tin mới nhất trên máy.",
    "save_failed": "Không lưu được: hãy kiểm tra kết nối mạng rồi thử lại.",
    "save_unsupported": "Trình duyệt này không lưu được bài để đọc khi mất mạng.",
    "save_data": "Máy đang bật chế độ tiết kiệm dữ liệu: trang tin không tự tải trước tệp nào, bài chỉ được lưu khi bạn bấm nút.",
    "saved_link": "Xem các bài đã lưu",
    "saved_forget": "Xóa",
    "saved_forget_label": "Xóa bài “{title}” khỏi máy",
    "saved_forgotten": "Đã xóa “{title}” khỏi máy.",
    "saved_clear": "Xóa tất cả dữ liệu đã lưu",
    "saved_cleared": "Đã xóa mọi bài, trang và ảnh mà trang tin này lưu trên máy.",
    "saved_usage": "Trang tin đang dùng {size} trên máy.",
    "documents_year": "Năm ban hành",
    "documents_any_year": "Mọi năm",
    "documents_cited": "Bài viết nhắc đến",
    "documents_status": "Tình trạng",
    "documents_current": "Hiện hành",
    # cross-references between documents (citations.py)
    "document_replaced_by": "Đã được thay thế bởi",
    "document_replaces": "Thay thế văn bản",
    "document_cites": "Văn bản được nhắc đến",
    "document_cited_by": "Bài viết liên quan đến văn bản này",
    "document_not_on_site": "chưa đăng trên trang",
}

# First words of an author name that make it an organisation, not a person (for schema.org).
ORGANISATION_WORDS: tuple[str, ...] = (
    "Ban", "Văn phòng", "Phòng", "Công đoàn", "Liên đoàn", "LĐLĐ", "CĐCS", "CĐVC",
    "Tổ", "Hội", "Trường", "Sở", "Ủy ban", "UBND", "Báo", "Đài", "Trung tâm", "Chi bộ",
)  # fmt: skip

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
    "yaml_structure": (
        "phần thông tin đầu bài lồng quá sâu hoặc dùng bí danh YAML (`&tên`, `*tên`)",
        "viết mỗi trường dạng `tên: giá trị` hoặc `tên: [mục 1, mục 2]`; giá trị bắt đầu bằng & hoặc * thì đặt trong ngoặc kép",
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
    "bad_document_number": (
        "\"{value}\" không phải số ký hiệu văn bản",
        "viết số ký hiệu như trên văn bản, ví dụ `{field}: [263/KH-LĐLĐ]`, `[12/2021/NQ-HĐND]` hoặc `[02-NQ/TW]`",
    ),
    "replaces_itself": (
        "văn bản không thể thay thế chính nó ({value})",
        "ghi số ký hiệu của văn bản cũ bị thay thế, không phải số của văn bản này",
    ),
    "bad_attachment": (
        "mỗi tệp đính kèm phải là đường dẫn tệp hoặc nhóm `file:` và `title:`",
        "viết ví dụ `- file: ke-hoach.pdf` và dòng dưới `  title: Kế hoạch (PDF)`",
    ),
    "missing_file": (
        "không tìm thấy tệp \"{value}\"",
        "đặt tệp vào thư mục {folder} hoặc sửa lại tên tệp (phân biệt chữ hoa, chữ thường)",
    ),
    # files a post names, and folders MkDocs publishes as they are (inert.py)
    "symlink": (
        "\"{value}\" là liên kết tượng trưng (symlink) tới {target}: trang chỉ đăng tệp thật có trong kho",
        "chép chính tệp đó vào thư mục của bài (thay cho liên kết), hoặc xóa liên kết",
    ),
    "symlink_in_path": (
        "\"{value}\" đi qua {link}, một liên kết tượng trưng (symlink) tới {target}: trang chỉ đăng tệp thật có trong kho",
        "chép các tệp vào một thư mục thật trong kho rồi sửa lại đường dẫn trong bài",
    ),
    "symlink_file": (
        "tệp là liên kết tượng trưng (symlink) tới {target}: trang không đọc và không đăng liên kết",
        "thay liên kết bằng chính tệp đó (chép tệp vào đây), hoặc xóa liên kết",
    ),
    "symlink_folder": (
        "thư mục là liên kết tượng trưng (symlink) tới {target}: trang không đọc và không đăng liên kết",
        "thay bằng một thư mục thật chứa các tệp cần đăng, hoặc xóa liên kết",
    ),
    "outside_repository": (
        "\"{value}\" trỏ ra ngoài thư mục của trang",
        "chỉ dùng tệp có trong kho: đặt tệp cạnh bài viết và ghi tên tệp, ví dụ `ke-hoach.pdf`",
    ),
    "active_file": (
        "tệp \"{value}\" là {what}: mở trên trang, nó có thể chạy mã lạ trên máy người đọc, nên không được đăng",
        "lưu thành PDF (In → Lưu thành PDF) rồi đính kèm tệp PDF, hoặc chép nội dung vào bài",
    ),
    "active_svg": (
        "tệp \"{value}\" là ảnh SVG: ảnh SVG chứa được mã chạy trên trang, nên không được đăng",
        "xuất ảnh thành PNG (Inkscape: Tệp → Xuất PNG; hoặc mở ảnh rồi chụp màn hình) và dùng tệp .png",
    ),
    "unknown_kind": (
        "không đăng được tệp \"{value}\": loại tệp {extension} không có trong danh sách được phép",
        "chỉ đăng được {accepted}; lưu tệp thành một trong các dạng này (ví dụ PDF) hoặc nén thành .zip",
    ),
    "unreadable_kind": (
        "tệp \"{value}\" mang đuôi {extension} nhưng nội dung không phải {expected} (tệp hỏng hoặc không rõ loại)",
        "mở tệp bằng chương trình đã tạo ra nó rồi lưu lại đúng dạng {extension}, hoặc chọn lại tệp gốc (được đăng: PDF, Word, Excel, ảnh JPEG, PNG...)",
    ),
    "kind_mismatch": (
        "tệp \"{value}\" mang đuôi {extension} nhưng nội dung là {actual}",
        "đổi đuôi tệp cho đúng nội dung rồi sửa tên tệp trong bài, hoặc xuất lại tệp thành {expected} thật",
    ),
    # pictures the image pipeline cannot publish (newsroom/images/process.py)
    "image_undecodable": (
        "ảnh \"{value}\" không đọc được: tệp hỏng hoặc không phải ảnh dù mang đuôi ảnh",
        "mở ảnh trên máy; nếu xem được thì lưu lại thành JPEG (Lưu thành... → JPEG), nếu không thì chép lại ảnh gốc từ điện thoại hoặc máy ảnh",
    ),
    "image_truncated": (
        "ảnh \"{value}\" bị cắt cụt: tệp thiếu phần cuối (tải lên hoặc chép chưa xong)",
        "chép lại ảnh gốc từ điện thoại hoặc máy ảnh rồi thay tệp này",
    ),
    "image_bomb": (
        "ảnh \"{value}\" khai kích thước quá {limit} megapixel gấp đôi, trang không giải nén (có thể là tệp cố ý làm treo máy)",
        "dùng ảnh chụp thường (điện thoại: khoảng 12 megapixel); ảnh thật lớn như vậy thì thu nhỏ xuống dưới {limit} megapixel rồi thêm lại",
    ),
    "image_too_large": (
        "ảnh \"{value}\" có {megapixels} megapixel ({width}×{height}), vượt giới hạn {limit} megapixel cho ảnh không phải JPEG",
        "lưu ảnh thành JPEG, hoặc thu nhỏ xuống khoảng 4000 px chiều ngang rồi thêm lại",
    ),
    "image_unreadable": (
        "không đọc được tệp ảnh \"{value}\": {error}",
        "kiểm tra quyền đọc tệp, hoặc chép lại ảnh vào thư mục của bài",
    ),
    "not_image": (
        "tệp \"{value}\" ({actual}) không phải ảnh",
        "dùng ảnh JPEG, PNG, WebP, GIF, AVIF hoặc HEIC; tài liệu thì đưa vào tệp đính kèm hoặc liên kết [tên tệp](tệp) trong bài",
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
    "unknown_body_link": (
        "liên kết tới bài \"{value}\" không tồn tại",
        "ghi đường dẫn tệp .md của bài kia tính từ thư mục của bài này, ví dụ `[Tiêu đề](../06/ten-bai.md)`, "
        "hoặc xóa liên kết",
    ),
    # raw HTML in a body that could run code in a reader's browser (safety.py)
    "html_tag": (
        "thẻ HTML <{tag}> không được phép trong bài viết (có thể chạy mã lạ trên máy người đọc)",
        "xóa thẻ <{tag}>; viết nội dung bằng Markdown, hoặc đặt đoạn mã trong khối ``` nếu muốn hiển thị mã",
    ),
    "html_event": (
        "thuộc tính {attribute}= trên thẻ <{tag}> chạy mã JavaScript, không được phép",
        "xóa thuộc tính {attribute}=\"...\" (cả giá trị của nó)",
    ),
    "html_url": (
        "địa chỉ \"{value}\" ({attribute} của <{tag}>) dùng kiểu {scheme}: có thể chạy mã lạ, không được phép",
        "dùng địa chỉ bắt đầu bằng https://, hoặc tên tệp ảnh, tệp đính kèm đặt cạnh bài",
    ),
    "html_embed": (
        "khung nhúng <{tag}> từ \"{value}\" không được phép: chỉ nhúng bằng https:// từ {allowed}",
        "dùng mã nhúng (Embed) của YouTube hoặc Facebook; muốn nhúng từ trang khác, "
        "nhờ người quản trị thêm tên trang vào mkdocs.yml, mục extra.newsroom.embeds",
    ),
    "html_embed_https": (
        "khung nhúng <{tag}> dùng địa chỉ không mã hóa \"{value}\"",
        "đổi http:// thành https:// trong địa chỉ, ví dụ https://www.youtube.com/embed/MÃ_VIDEO",
    ),
    "html_embed_content": (
        "khung nhúng <{tag}> chứa thẻ HTML bên trong",
        "để trống giữa <{tag} ...> và </{tag}>, như mã nhúng của YouTube",
    ),
    "html_markup": (
        "đoạn HTML \"{value}\" viết sai hoặc lạ, trình duyệt có thể hiểu khác",
        "xóa đoạn này hoặc viết lại bằng Markdown; muốn hiển thị mã thì đặt trong khối ```",
    ),
    # `newsroom check PATH...` and `newsroom import FILE...`
    "check_missing": ("không tìm thấy tệp hoặc thư mục này", "kiểm tra lại đường dẫn"),
    "check_outside": (
        "tệp không nằm trong thư mục {posts}/ nên sẽ không được đăng",
        "chuyển tệp vào thư mục {posts}/NĂM/THÁNG/",
    ),
    "check_not_post": ("không phải bài viết (tệp .md)", "chỉ kiểm tra tệp .md"),
    "import_other_format": (
        "chưa đọc được tệp {format}",
        "mở tệp, chọn Lưu thành (Save As) dạng Word .docx, hoặc chép nội dung vào tệp .txt lưu bằng UTF-8, rồi nhập tệp đó",
    ),
    "import_unknown_type": ("không đọc được loại tệp \"{suffix}\"", "chỉ nhập được tệp .txt, .docx và .html"),
    "import_missing": ("không tìm thấy tệp", "kiểm tra lại tên và đường dẫn của tệp (đúng cả chữ hoa, chữ thường)"),
    "import_unreadable": ("không đọc được tệp ({error})", "kiểm tra đường dẫn và quyền đọc tệp"),
    "import_empty": ("tệp không có nội dung chữ", "kiểm tra lại tệp: có thể nhầm tệp, hoặc tệp chỉ có ảnh"),
    "import_encoding": (
        "không nhận ra bảng mã của tệp (không phải UTF-8, UTF-16 hay Windows-1258; có thể là TCVN3 hoặc VNI)",
        "mở tệp và lưu lại bằng bảng mã UTF-8 (Notepad: Lưu thành, mục Mã hóa chọn UTF-8; chữ TCVN3, VNI "
        "cần chuyển mã sang Unicode bằng Unikey trước), rồi nhập lại",
    ),
    "import_bad_docx": (
        "tệp Word bị hỏng hoặc không phải .docx ({error})",
        "mở tệp bằng Word, chọn Lưu thành dạng Word Document (.docx), rồi nhập lại",
    ),
    "import_no_title": ("không tìm thấy tiêu đề", "thêm dòng tiêu đề ở đầu tệp rồi nhập lại"),
    "import_no_date": (
        "không tìm thấy ngày của văn bản hay bài viết (kể cả trong tiêu đề)",
        "thêm ngày đăng vào lệnh, ví dụ `--date 2021-07-29`",
    ),
    "import_invalid": (
        "bài tạo ra chưa hợp lệ: {problems}",
        "dùng `newsroom new` rồi chép nội dung vào, và báo cho người quản trị trang",
    ),
    # newsroom import DUMP.sql (a NukeViet database export)
    "dump_truncated": (
        "tệp sao lưu bị cắt cụt: câu lệnh bắt đầu ở dòng {line} không có phần kết",
        "xuất lại cơ sở dữ liệu (mysqldump hoặc phpMyAdmin) và tải về trọn vẹn, rồi nhập lại",
    ),
    "dump_syntax": (
        "dòng {line}: câu lệnh SQL không đọc được (cần {expected}, gặp \"{found}\")",
        "xuất lại bằng mysqldump hoặc phpMyAdmin (định dạng SQL), không sửa tay tệp sao lưu",
    ),
    "dump_charset": (
        "dòng {line}: bảng mã \"{charset}\" của tệp sao lưu chưa được hỗ trợ",
        "xuất lại với bảng mã utf8mb4 (mysqldump --default-character-set=utf8mb4; phpMyAdmin: Character set utf8mb4)",
    ),
    "dump_no_columns": (
        "dòng {line}: bảng {table} có dữ liệu nhưng không có câu CREATE TABLE hay danh sách cột",
        "xuất lại cả cấu trúc lẫn dữ liệu (phpMyAdmin: chọn Structure and data)",
    ),
    "dump_row_width": (
        "dòng {line}: một dòng của bảng {table} có {found} giá trị, bảng có {expected} cột",
        "xuất lại bảng này cùng cấu trúc của nó, trong cùng một tệp",
    ),
    "dump_no_news": (
        "tệp sao lưu không có bảng tin tức NukeViet (bảng <tiền tố>_<ngôn ngữ>_<module>_rows)",
        "xuất cơ sở dữ liệu của cổng thông tin có module tin tức (news), gồm cả cấu trúc và dữ liệu",
    ),
    "dump_module_missing": (
        "tệp sao lưu không có module {modules}; các module tin tức có trong tệp: {found}",
        "ghi đúng tên module trong --module, hoặc bỏ --module để nhập mọi module tin tức",
    ),
    "dump_duplicate_alias": (
        "module {module}: bài {id} và bài {other} cùng đường dẫn \"{alias}\" trong một chuyên mục",
        "sửa đường dẫn tĩnh (alias) của một bài trên cổng cũ rồi xuất lại, hoặc xóa bài trùng",
    ),
    "dump_unreadable": ("không đọc được tệp sao lưu ({error})", "kiểm tra đường dẫn và quyền đọc tệp"),
    "alias_taken": (
        "địa chỉ cũ \"{value}\" đã là của bài {other}",
        "xóa dòng này ở một trong hai bài: một địa chỉ cũ chỉ dẫn tới một bài",
    ),
    "bad_alias": (
        "địa chỉ cũ \"{value}\" không phải một đường dẫn trong trang",
        "viết đường dẫn không có tên miền, ví dụ `vi/news/tin-tuc/ten-bai-12.html`, không có .. hay dấu cách",
    ),
}

ALLOWED_FIELDS_HINT = "title, date, categories, tags, unit, authors, description, image, draft, pin, slug, links, document, old_id, aliases"


def message(kind: str, **values: object) -> tuple[str, str]:
    """The (what is wrong, how to fix) pair for a problem of `kind`."""
    what, fix = MESSAGES[kind]
    return what.format(**values), fix.format(**values)


# The `newsroom` command: help, summaries and notes. Errors about a file are in MESSAGES above.
CLI: dict[str, str] = {
    "description": "Công cụ cho văn phòng: tạo, kiểm tra và nhập bài viết cho trang tin, không cần viết YAML.",
    "epilog": (
        "Ví dụ:\n"
        '  newsroom new "Công đoàn tỉnh trao quà Tết Sum vầy" --category "Chăm lo đoàn viên"\n'
        "  newsroom check\n"
        "  newsroom check posts/2024/05/trao-qua-tet.md\n"
        "  newsroom import ke-hoach-263.docx bao-cao-thang-7.txt --dry-run\n"
        '  newsroom import bai-cu.html --date 2019-04-27 --unit "LĐLĐ huyện Tam Đường"'
    ),
    "usage": "cách dùng: ",
    "positionals": "tham số",
    "options": "tùy chọn",
    "help": "hiện hướng dẫn này rồi thoát",
    "commands": "lệnh",
    "command_metavar": "LỆNH",
    "error": "{prog}: lỗi: {message}\nGõ `{prog} -h` để xem hướng dẫn.\n",
    "error_required": "thiếu tham số bắt buộc: {names}",
    "error_unrecognized": "không hiểu tham số: {names}",
    "error_choice": "không có lệnh hay lựa chọn {value}; chọn một trong: {choices}",
    "error_expected_one": "tham số {name} cần một giá trị",
    "config_help": "tệp cấu hình của trang (mặc định: mkdocs.yml tìm từ thư mục hiện tại trở lên)",
    "config_not_found": (
        "không tìm thấy mkdocs.yml trong {folder} hay các thư mục cha -> chạy lệnh trong thư mục của trang tin, "
        "hoặc thêm --config đường/dẫn/mkdocs.yml"
    ),
    "config_unreadable": "không đọc được {file}: {error}",
    "config_missing": "không có tệp {file} -> kiểm tra đường dẫn sau --config",
    "config_not_mapping": "nội dung không phải các khóa dạng `tên: giá trị`",
    "config_error": "Cấu hình trang (mkdocs.yml) không dùng được: {error}",
    "category_help": "chuyên mục, phải có trong mkdocs.yml (mặc định: chuyên mục đầu tiên, thường là Tin tức - Sự kiện)",
    "unit_help": "đơn vị đăng tin (mặc định: đơn vị của trang ghi trong mkdocs.yml)",
    "bad_category": "chuyên mục \"{value}\" chưa được khai báo trong mkdocs.yml -> dùng một trong: {allowed}",
    "new_help": "tạo bài viết mới với đủ thông tin đầu bài",
    "new_description": (
        "Tạo tệp posts/NĂM/THÁNG/ten-bai.md với tiêu đề, ngày giờ hiện tại (giờ Việt Nam), chuyên mục và "
        "đơn vị, rồi in đường dẫn của tệp. Không bao giờ ghi đè: nếu tên đã có, thêm -2, -3."
    ),
    "new_title_help": "tiêu đề bài viết, đặt trong ngoặc kép",
    "new_title_empty": (
        "tiêu đề không có chữ nào -> viết tiêu đề trong ngoặc kép, ví dụ: newsroom new \"Tiêu đề bài viết\""
    ),
    # An HTML comment: a prompt in the file that readers never see. (No example image link in it:
    # the build would look for that file.)
    "new_body": (
        "<!-- Viết nội dung bài dưới dòng này, mỗi đoạn cách nhau một dòng trống. Ảnh: đặt tệp ảnh cạnh "
        "tệp bài này rồi chèn theo hướng dẫn trong README. Dòng này không hiện trên trang. -->"
    ),
    "new_next": "Mở tệp trên để viết nội dung, rồi kiểm tra bằng: newsroom check {path}",
    "write_failed": "{path}: không ghi được tệp ({error}) -> kiểm tra quyền ghi thư mục",
    "check_help": "kiểm tra bài viết theo đúng quy tắc dùng khi dựng trang",
    "check_description": (
        "Kiểm tra bài viết theo đúng các quy tắc dùng khi dựng trang và in mọi lỗi dạng "
        "`tệp:dòng: trường: lỗi -> cách sửa`. Trả mã 1 nếu có lỗi, nên dùng được trong pre-commit "
        "và GitHub Actions."
    ),
    "check_paths_help": (
        "tệp hoặc thư mục cần kiểm tra (mặc định: mọi bài viết); vẫn đối chiếu với mọi bài để tìm "
        "đường dẫn trùng và liên kết hỏng"
    ),
    "check_ok": "Không có lỗi ({count} bài viết).",
    "check_failed": "{count} lỗi. Sửa theo gợi ý sau dấu -> rồi chạy lại newsroom check.",
    "import_help": "chuyển tệp .txt, .docx, .html thành bài viết",
    "import_description": (
        "Đọc văn bản hành chính (thể thức Nghị định 30/2020) hoặc bài viết chép từ cổng thông tin cũ, in "
        "những gì đọc được rồi tạo bài trong posts/. Nếu một tệp có lỗi thì không tệp nào được ghi."
    ),
    "import_files_help": "tệp cần nhập: .txt (UTF-8, UTF-16 hoặc Windows-1258), .docx, .html",
    "date_help": (
        "ngày đăng: 2021-07-29, \"2021-07-29 14:30\" hoặc 29/07/2021; thay ngày ghi trong tệp, "
        "hoặc dùng khi tệp không ghi ngày"
    ),
    "bad_date": "ngày \"{value}\" không hợp lệ -> viết dạng 2021-07-29, \"2021-07-29 14:30\" hoặc 29/07/2021",
    "dry_run_help": "chạy thử: chỉ in những gì đọc được, không ghi tệp nào",
    "format_text": "tệp văn bản, bảng mã {encoding}",
    "format_html": "trang web đã lưu, bảng mã {encoding}",
    "format_docx": "tệp Word .docx",
    "kind_official": "văn bản hành chính",
    "kind_article": "bài viết từ trang tin",
    "summary_head": "{file}: {kind} ({format})",
    "summary_line": "  {label}: {value}",
    "sum_title": "tiêu đề",
    "sum_date": "ngày đăng",
    "sum_category": "chuyên mục",
    "sum_unit": "đơn vị",
    "sum_authors": "tác giả",
    "sum_type": "loại văn bản",
    "sum_number": "số, ký hiệu",
    "sum_issued": "nơi, ngày ban hành",
    "sum_issuer": "cơ quan ban hành",
    "sum_parent": "cơ quan cấp trên",
    "sum_signer": "người ký",
    "sum_recipients": "nơi nhận ({count})",
    "sum_body": "nội dung",
    "sum_body_value": "{paragraphs} đoạn, {headings} đề mục, {items} mục danh sách, {tables} bảng",
    "sum_note": "lưu ý",
    "sum_target": "sẽ ghi vào",
    "date_option": "theo --date",
    "date_document": "ngày ban hành ghi trong văn bản",
    "date_page": "ngày đăng ghi trên trang",
    "date_title": "văn bản không ghi ngày nên lấy theo tiêu đề (\"{found}\"): hãy kiểm tra, hoặc dùng --date",
    "created": "Đã tạo {path}",
    "would_create": "Sẽ tạo {path}",
    "dry_run_done": "Chạy thử: chưa ghi tệp nào.",
    "import_failed": "Chưa ghi tệp nào: {count} tệp có lỗi ở trên. Sửa rồi chạy lại lệnh.",
    "note_guessed_encoding": (
        "tệp không ghi rõ bảng mã, đã đoán là {encoding}: đọc lại các chữ có dấu trước khi đăng "
        "(lần sau hãy lưu tệp bằng UTF-8)"
    ),
    # newsroom import DUMP.sql
    "import_dump_files_help": "tệp cần nhập: .txt, .docx, .html, hoặc một tệp sao lưu .sql của cổng NukeViet",
    "uploads_help": "thư mục uploads (hoặc thư mục gốc) của cổng NukeViet cũ: ảnh và tệp đính kèm được chép từ đây",
    "module_help": "module tin tức cần nhập (mặc định: mọi module có trong tệp); TÊN=ĐƯỜNG_DẪN khi địa chỉ module khác tên bảng, ví dụ tintuc=tin-tuc",
    "map_category_help": "ghép chuyên mục cũ vào chuyên mục của trang: ALIAS=Tên, ví dụ hoat-dong=\"Tin tức - Sự kiện\"",
    "report_help": "nơi ghi báo cáo nhập (mặc định: nhap-nukeviet-NGÀY-GIỜ.txt trong thư mục trang)",
    "dump_alone": "tệp .sql phải được nhập một mình, không cùng tệp khác -> chạy riêng newsroom import {file}",
    "dump_option_bad": "\"{value}\" không đúng dạng {form} -> ví dụ {example}",
    "nv_source": "*Nguồn: {source}*",
    "nv_attachments": "**Tệp đính kèm:**",
    "nv_note_stopped": "cổng cũ đã ngưng hoặc hết hạn bài này (trạng thái {status}): giữ dưới dạng nháp (draft: true)",
    "nv_head": "Nhập từ {file}: {modules}",
    "nv_module": "NukeViet {version}, module {name} (bảng {base}_*)",
    "nv_count_imported": "  bài sẽ nhập / đã nhập: {count} (xuất bản {published}, hẹn giờ {scheduled}, nháp {draft}, ngưng hoặc hết hạn {stopped})",
    "nv_count_existing": "  bài đã có từ lần nhập trước, bỏ qua: {count}",
    "nv_count_skipped": "  bài bỏ qua: {count}",
    "nv_count_files": "  ảnh và tệp chép vào bài: {count}",
    "nv_count_missing": "  ảnh và tệp thiếu trong thư mục uploads: {count}",
    "nv_count_refused": "  tệp bị từ chối (không an toàn để đăng): {count}",
    "nv_count_external": "  ảnh ở trang khác, chưa chép (tải về rồi chèn lại nếu cần): {count}",
    "nv_count_repaired": "  chữ lỗi mã hóa (đã sửa): {count} giá trị{where}",
    "nv_categories_added": "  chuyên mục mới, thêm vào mkdocs.yml: {names}",
    "nv_categories_mapped": "  chuyên mục cũ -> chuyên mục của trang: {pairs}",
    "nv_item": "  {old_id} -> {target} [{status}]",
    "nv_item_skipped": "  {old_id}: bỏ qua: {reason}",
    "nv_item_existing": "  {old_id}: đã có ({path})",
    "nv_item_missing": "  {old_id}: thiếu tệp {file}",
    "nv_item_refused": "  {old_id}: từ chối {file}: {reason}",
    "nv_item_external": "  {old_id}: ảnh ở trang khác {url}",
    "nv_item_note": "  {old_id}: lưu ý: {note}",
    "nv_status_published": "xuất bản",
    "nv_status_scheduled": "hẹn giờ",
    "nv_status_draft": "nháp",
    "nv_status_stopped": "ngưng/hết hạn, nháp",
    "nv_section_items": "Từng bài:",
    "nv_section_files": "Ảnh và tệp:",
    "nv_no_body": "không có nội dung (bodyhtml và hometext trống)",
    "nv_body_without_row": "có nội dung nhưng không có dòng trong bảng _rows",
    "nv_invalid": "bài tạo ra chưa hợp lệ: {problems}",
    "nv_report_written": "Báo cáo: {path}",
    "nv_failed": "Không nhập được {file}, chưa ghi gì:",
    "nv_config_edit_failed": "không tự thêm được chuyên mục vào mkdocs.yml -> thêm bằng tay vào extra.newsroom.categories: {names}, hoặc dùng --map-category",
    "note_images": (
        "tệp gốc có {count} ảnh không chép được: đặt tệp ảnh cạnh bài viết rồi chèn bằng "
        "![Chú thích ảnh](ten-anh.jpg)"
    ),
    "note_no_signer": "không tìm thấy người ký ở cuối văn bản: kiểm tra lại trường document.signer",
    "note_debris": "đã bỏ phần thừa của trang cũ (đường dẫn, đánh giá, ý kiến bạn đọc, tin liên quan, chân trang)",
    "note_category_fallback": (
        "loại văn bản \"{type}\" chưa có chuyên mục riêng nên bài vào chuyên mục \"{category}\"; "
        "trường document.type vẫn ghi \"{type}\""
    ),
    "note_unit_default": "tệp không ghi cơ quan ban hành nên dùng đơn vị mặc định của trang \"{unit}\" (đổi bằng --unit)",
    "note_unit_issuer": "đơn vị lấy theo cơ quan ban hành \"{unit}\" (đổi bằng --unit)",
}


def cli_text(key: str, **values: object) -> str:
    """A `newsroom` command text, filled in."""
    return CLI[key].format(**values)

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


# The admin page (admin/): the form's wording and the build's messages about the CMS packages.
ADMIN_LABELS: dict[str, str] = {
    "page_title": "Quản trị trang tin",
    "app_title": "Quản trị · {site}",
    "noscript": "Trang quản trị cần JavaScript. Hãy bật JavaScript trong trình duyệt rồi tải lại trang.",
    "collection": "Bài viết",
    "collection_singular": "bài viết",
    "collection_description": "Tin, báo cáo, kế hoạch, thông báo của đơn vị. Bấm «Tạo mới» để viết bài mới.",
    "title": "Tiêu đề",
    "title_hint": "Đường dẫn của bài được tạo từ tiêu đề, bỏ dấu: «Hội nghị Đoàn viên» thành hoi-nghi-doan-vien.",
    "date": "Ngày đăng",
    "date_hint": "Bài được lưu vào thư mục năm/tháng của ngày này. Bài có ngày trong tương lai tự xuất hiện vào ngày đó.",
    "categories": "Chuyên mục",
    "categories_hint": "Chọn ít nhất một chuyên mục.",
    "tags": "Thẻ",
    "tags_hint": "Mỗi thẻ một ô, ví dụ «đoàn viên», «Tháng Công nhân»; bấm «Thêm Thẻ» để thêm ô.",
    "unit": "Đơn vị",
    "unit_hint": "Để trống là {unit}. Các đơn vị đã có: {units}.",
    "authors": "Tác giả",
    "authors_hint": "Mỗi người một ô.",
    "description": "Tóm tắt",
    "description_hint": "Một hoặc hai câu, hiện ở danh sách tin và khi chia sẻ lên Zalo, Facebook. Để trống thì lấy đoạn đầu bài.",
    "image": "Ảnh đại diện",
    "image_hint": "Ảnh được lưu cạnh bài viết. Nhận ảnh JPEG, PNG, WebP, GIF, AVIF, HEIC.",
    "draft": "Bản nháp",
    "draft_hint": "Bật: bài được lưu nhưng chưa hiện trên trang.",
    "pin": "Tin nổi bật",
    "pin_hint": "Bật: bài được ghim ở đầu trang chủ.",
    "slug": "Đường dẫn riêng",
    "slug_hint": "Thường để trống. Chỉ chữ thường không dấu, số và dấu gạch ngang, ví dụ hoi-nghi-doan-vien.",
    "slug_pattern": "Chỉ dùng chữ thường không dấu, số và dấu gạch ngang, ví dụ hoi-nghi-doan-vien",
    "links": "Tin liên quan chọn tay",
    "links_hint": "Mỗi ô một tệp bài khác trong posts/, ví dụ 2021/07/hoi-nghi-doan-vien.md.",
    "document": "Thông tin văn bản",
    "document_hint": "Chỉ điền khi bài là một văn bản chính thức (kế hoạch, báo cáo, thông báo có số ký hiệu).",
    "type": "Loại văn bản",
    "type_hint": "Ví dụ: Kế hoạch, Báo cáo, Thông báo, Quyết định.",
    "number": "Số ký hiệu",
    "number_hint": "Ví dụ: 263/KH-LĐLĐ.",
    "place": "Địa danh",
    "place_hint": "Ví dụ: Lai Châu.",
    "issued": "Ngày ban hành",
    "signer": "Người ký",
    "signer_title": "Chức vụ người ký",
    "signer_title_hint": "Ví dụ: TM. Ban Thường vụ - Chủ tịch.",
    "recipients": "Nơi nhận",
    "recipients_hint": "Mỗi nơi nhận một ô, ví dụ «Ban Thường vụ», «Lưu VT».",
    "replaces": "Thay thế văn bản",
    "replaces_hint": "Chỉ điền khi văn bản này thay thế văn bản cũ: mỗi ô một số ký hiệu, ví dụ 05/KH-LĐLĐ. Trang của văn bản cũ sẽ ghi «Đã được thay thế bởi» văn bản này.",
    "attachments": "Tệp đính kèm",
    "attachment": "tệp đính kèm",
    "file": "Tệp",
    "file_hint": "Tệp được lưu cạnh bài viết. Nhận {accepted}.",
    "file_title": "Tên hiển thị",
    "file_title_hint": "Tên bạn đọc thấy trên trang, ví dụ «Kế hoạch số 263 (bản PDF)». Để trống thì hiện tên tệp.",
    "old_id": "Mã bài ở trang cũ",
    "old_id_hint": "Công cụ chuyển trang cũ ghi mã này để đường dẫn cũ vẫn dẫn tới bài; không sửa.",
    "aliases": "Địa chỉ cũ của bài",
    "aliases_hint": "Địa chỉ của bài ở trang cũ (ví dụ vi/news/tin-tuc/bai-12.html), do công cụ chuyển trang cũ ghi: địa chỉ đó chuyển tới bài này.",
    "body": "Nội dung",
    "filter_drafts": "Bản nháp",
    "filter_documents": "Văn bản",
    "filter_year": "Năm {year}",
    "group_year": "Năm",
    "commit_create": "Thêm bài “{{slug}}” (trang quản trị)",
    "commit_update": "Sửa bài “{{slug}}” (trang quản trị)",
    "commit_delete": "Xóa bài “{{slug}}” (trang quản trị)",
    "commit_upload": "Tải lên “{{path}}” (trang quản trị)",
    "commit_delete_media": "Xóa tệp “{{path}}” (trang quản trị)",
}

ADMIN_MESSAGES: dict[str, str] = {
    "lock_unreadable": "Không đọc được {path}: {error}",
    "not_pinned": "Gói npm {name} chưa được ghim trong {path} (cần version và integrity sha512) -> chạy `npm install --save-exact --save-dev {name}@<phiên bản>`",
    "missing_package": (
        "Trang quản trị /admin/ cần gói npm {name} {version} nhưng chưa có {path} -> chạy `make admin` "
        "(cần Node.js và npm; hoặc bỏ khối extra.newsroom.admin trong mkdocs.yml để dựng trang không có trang quản trị)"
    ),
    "bad_integrity": "Tệp {path} không đúng với package-lock.json (cần {expected}, tệp có {found}) -> xóa tệp đó rồi chạy lại `make admin`",
    "missing_file": "Gói npm {name} {version} không có tệp {file}: phiên bản này khác phiên bản trang quản trị được viết cho -> xem hooks/newsroom/admin/vendor.py",
    "bundle_changed": (
        "Mã của Sveltia CMS đã đổi: địa chỉ {url} xuất hiện {found} lần thay vì {expected} -> "
        "phiên bản mới tải tệp theo cách khác; cập nhật hooks/newsroom/admin/vendor.py trước khi nâng phiên bản"
    ),
    "unknown_cdn_url": "Mã của Sveltia CMS {version} còn gọi tới {host} -> cập nhật hooks/newsroom/admin/vendor.py để phục vụ tệp đó từ trang",
    "form_out_of_date": "Biểu mẫu quản trị không khớp với các trường bài viết được kiểm tra: {fields} -> cập nhật hooks/newsroom/admin/form.py",
}


def admin_text(key: str, **values: object) -> str:
    return ADMIN_MESSAGES[key].format(**values)
