"""Where a facts file came from: repository, commit, date, tag, files read and their hashes."""
import hashlib
import json
import os
import shlex
import subprocess
import sys


class SourceTree:
    """A checkout or a bare snapshot of an engine repository, read file by file.

    ``root`` is either a work tree or a git directory (a snapshot fetched without a work tree);
    ``rev`` picks the commit in the latter case. Every file read is remembered with its SHA-256
    so that the facts say exactly what they were made from.
    """

    def __init__(self, root, rev=None, repository=None):
        self.root = os.path.abspath(root)
        self.repository = repository
        self._bare = not os.path.isdir(os.path.join(self.root, ".git")) and os.path.isfile(
            os.path.join(self.root, "HEAD"))
        self.rev = rev or "HEAD"
        self.read = {}

    def _git(self, *args):
        gitdir = self.root if self._bare else os.path.join(self.root, ".git")
        if not os.path.exists(gitdir):
            return None
        r = subprocess.run(["git", "--git-dir", gitdir, *args], capture_output=True, text=True)
        return r.stdout.strip() if r.returncode == 0 else None

    def exists(self, path):
        if self._bare:
            return self._git("cat-file", "-e", f"{self.rev}:{path}") is not None
        return os.path.isfile(os.path.join(self.root, path))

    def text(self, path):
        """The text of ``path`` (relative to the tree's root); raises FileNotFoundError."""
        if self._bare:
            r = subprocess.run(["git", "--git-dir", self.root, "show", f"{self.rev}:{path}"],
                               capture_output=True)
            if r.returncode != 0:
                raise FileNotFoundError(f"{path} at {self.rev} in {self.root}")
            raw = r.stdout
        else:
            with open(os.path.join(self.root, path), "rb") as f:
                raw = f.read()
        self.read[path] = hashlib.sha256(raw).hexdigest()
        return raw.decode("utf-8")

    def listdir(self, path):
        """File names directly below ``path``."""
        if self._bare:
            out = self._git("ls-tree", "--name-only", f"{self.rev}:{path}")
            return sorted(out.splitlines()) if out else []
        full = os.path.join(self.root, path)
        return sorted(os.listdir(full)) if os.path.isdir(full) else []

    def provenance(self, argv=None):
        """The provenance block of a facts file."""
        commit = self._git("rev-parse", self.rev + "^{commit}")
        date = self._git("show", "-s", "--format=%cs", self.rev + "^{commit}")
        tag = self._git("tag", "--points-at", self.rev + "^{commit}")
        tags = sorted(tag.split()) if tag else []
        return {
            "repository": self.repository,
            "commit": commit,
            "commit_date": date,
            "release_tag": tags[0] if tags else None,
            "files": dict(sorted(self.read.items())),
            "command": " ".join(shlex.quote(a) for a in (argv if argv is not None else sys.argv)),
        }


def write_facts(path, facts):
    """Writes a facts file the way every reader does, byte for byte the same for the same facts:
    UTF-8, one-space indent, keys in the reader's order, a final newline."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        json.dump(facts, f, indent=1, ensure_ascii=False)
        f.write("\n")
