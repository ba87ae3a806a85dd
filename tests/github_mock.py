"""A stand-in for api.github.com, for the admin page's browser tests (Playwright routes).

It answers what Sveltia CMS's GitHub backend asks with a fine-grained token: the user, the
collaborator check, the branch's last commit, the file tree, file contents and history (GraphQL
aliases), blobs, and `createCommitOnBranch`, whose files it records and adds to the tree. Any
other request is answered 404 and listed in `unknown`, so a test can see what was not mocked.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

API = "https://api.github.com"
AVATAR = "https://avatars.githubusercontent.com/u/1?v=4"  # as GitHub answers: an origin the admin page must not reach
_ALIAS = re.compile(r"(\w+)_(\d+):\s*(object|ref)\((?:oid|qualifiedName): (\"[^\"]*\"|\$branch)\)")
_HISTORY_PATH = re.compile(r'history\(first: \d+, path: ("(?:[^"\\]|\\.)*")\)')


def blob_sha(data: bytes) -> str:
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


@dataclass
class GitHubMock:
    owner: str
    repo: str
    branch: str
    files: dict[str, bytes]  # path in the repository -> content
    token: str = "github_pat_test"
    login: str = "vanphong"
    head: str = "a" * 40
    commits: list[dict] = field(default_factory=list)  # {"message", "additions": {path: bytes}, "deletions": [...]}
    unknown: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    @classmethod
    def of_folder(cls, root: Path, owner: str, repo: str, branch: str, folders=("posts",), extra=("mkdocs.yml",)):
        files = {}
        for folder in folders:
            for path in sorted((root / folder).rglob("*")):
                if path.is_file():
                    files[path.relative_to(root).as_posix()] = path.read_bytes()
        for name in extra:
            files[name] = (root / name).read_bytes()
        return cls(owner, repo, branch, files)

    # --- Playwright route handler ---

    def handle(self, route, request) -> None:
        self.requests.append(f"{request.method} {request.url}")
        if request.headers.get("authorization", "").split(" ")[-1] != self.token:
            return self._json(route, {"message": "Bad credentials"}, 401)
        path = unquote(urlsplit(request.url).path)
        repo = f"/repos/{self.owner}/{self.repo}"
        if path == "/graphql" and request.method == "POST":
            return self._json(route, {"data": self._graphql(json.loads(request.post_data))})
        if path == "/user":
            return self._json(route, {
                "id": 1, "login": self.login, "name": "Văn phòng LĐLĐ", "email": "vanphong@example.org",
                "avatar_url": AVATAR, "html_url": f"https://github.com/{self.login}",
            })  # fmt: skip
        if path == f"{repo}/collaborators/{self.login}":
            return route.fulfill(status=204, body="")
        if path == repo:
            return self._json(route, {
                "full_name": f"{self.owner}/{self.repo}", "default_branch": self.branch, "private": False,
                "permissions": {"pull": True, "push": True, "admin": False}, "owner": {"type": "Organization"},
            })  # fmt: skip
        if path == f"{repo}/branches/{self.branch}":
            return self._json(route, {"name": self.branch, "commit": {"sha": self.head}})
        if path.startswith(f"{repo}/git/trees/"):
            tree = [{"path": p, "type": "blob", "sha": blob_sha(d), "size": len(d), "mode": "100644"} for p, d in sorted(self.files.items())]
            return self._json(route, {"sha": self.head, "tree": tree, "truncated": False})
        if path.startswith(f"{repo}/git/blobs/"):
            sha = path.rsplit("/", 1)[1]
            data = next((d for d in self.files.values() if blob_sha(d) == sha), None)
            if data is not None:
                return route.fulfill(status=200, body=data, headers={"Content-Type": "application/octet-stream", **_CORS})
        if path.startswith(f"{repo}/commits"):
            return self._json(route, [])
        self.unknown.append(f"{request.method} {request.url}")
        return self._json(route, {"message": "Not Found"}, 404)

    def _json(self, route, data, status=200):
        route.fulfill(status=status, body=json.dumps(data), headers={"Content-Type": "application/json; charset=utf-8", **_CORS})

    # --- GraphQL ---

    def _by_sha(self, sha: str) -> bytes | None:
        return next((d for d in self.files.values() if blob_sha(d) == sha), None)

    def _graphql(self, payload: dict) -> dict:
        query, variables = payload["query"], payload.get("variables", {})
        if "createCommitOnBranch" in query:
            return self._commit(query, variables["input"])
        if "defaultBranchRef" in query:
            return {"repository": {"defaultBranchRef": {"name": self.branch}}}
        aliases = _ALIAS.findall(query)
        if not aliases:  # the branch's last commit, or its oid
            commit = {"oid": self.head, "history": {"nodes": [{"oid": self.head, "message": "Bài mới"}]}}
            return {"repository": {"ref": {"target": commit}}}
        repository = {}
        paths = iter(json.loads(p) for p in _HISTORY_PATH.findall(query))
        for name, index, kind, value in aliases:
            key = f"{name}_{index}"
            if kind == "object" and name == "content":
                data = self._by_sha(json.loads(value))
                repository[key] = {"text": data.decode("utf-8", "replace") if data is not None else None, "isTruncated": False}
            elif kind == "ref" and "history" in query:
                next(paths, None)
                node = {
                    "oid": self.head, "committedDate": "2025-12-01T08:00:00Z",
                    "author": {"name": "Văn phòng", "email": "vanphong@example.org", "avatarUrl": AVATAR, "user": {"id": 1, "login": self.login}},
                }  # fmt: skip
                repository[key] = {"target": {"history": {"nodes": [node]}}}
            else:  # deployment and check status of commits: none
                repository[key] = None
        return {"repository": repository}

    def _commit(self, query: str, change: dict) -> dict:
        additions = {a["path"]: base64.b64decode(a["contents"]) for a in change["fileChanges"].get("additions", [])}
        deletions = [d["path"] for d in change["fileChanges"].get("deletions", [])]
        self.commits.append({"message": change["message"]["headline"], "additions": additions, "deletions": deletions,
                             "expectedHeadOid": change.get("expectedHeadOid")})
        self.files.update(additions)
        for path in deletions:
            self.files.pop(path, None)
        self.head = hashlib.sha1(json.dumps(sorted(additions)).encode() + self.head.encode()).hexdigest()
        commit = {"oid": self.head, "committedDate": "2026-01-01T01:00:00Z"}
        for index, path in re.findall(r'file_(\d+): file\(path: ("(?:[^"\\]|\\.)*")\)', query):
            data = self.files.get(json.loads(path))
            commit[f"file_{index}"] = {"oid": blob_sha(data)} if data is not None else None
        return {"createCommitOnBranch": {"commit": commit}}


_CORS = {"Access-Control-Allow-Origin": "*", "Access-Control-Expose-Headers": "*"}
