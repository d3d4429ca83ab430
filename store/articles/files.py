"""Which files a list of paths means: folders walked recursively, chosen by suffix or --glob."""
from __future__ import annotations

import errno
import os
from collections import Counter
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

STDIN = "-"
FORMATS = {".txt": "txt", ".text": "txt", ".md": "md", ".markdown": "md", ".html": "html",
           ".htm": "html", ".xhtml": "html", ".pdf": "pdf", ".docx": "docx"}
SUPPORTED = ", ".join(sorted({s for s in FORMATS if s not in (".text", ".markdown", ".xhtml")}))
SKIPPED_SHOWN = 5  # file names listed in the one summary line of skipped files


@dataclass
class Collected:
    """The files to read, one error line per unusable path, and the files skipped as unsupported."""

    files: list[Path] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    skipped: list[Path] = field(default_factory=list)

    def skipped_note(self) -> str | None:
        """One line summing up the skipped files (their types and the first few names), or None."""
        if not self.skipped:
            return None
        kinds = Counter(p.suffix.lower() or "(no extension)" for p in self.skipped)
        shown = ", ".join(str(p) for p in self.skipped[:SKIPPED_SHOWN])
        more = f" and {len(self.skipped) - SKIPPED_SHOWN} more" if len(self.skipped) > SKIPPED_SHOWN else ""
        types = ", ".join(f"{k} ×{n}" if n > 1 else k for k, n in sorted(kinds.items()))
        return (f"skipped {len(self.skipped)} file(s) of unsupported types ({types}): {shown}{more}; "
                f"articles are read from {SUPPORTED}")


def path_problem(path: Path) -> str | None:
    """Why `path` cannot be opened (missing, broken link, link loop, no permission), or None."""
    try:
        path.stat()
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return f"{path}: symbolic link loop; fix or remove the link"
        if exc.errno == errno.EACCES:
            return f"{path}: permission denied; check the file's permissions"
        if path.is_symlink():
            return f"{path}: broken symbolic link (points to {os.readlink(path)}); fix the link"
        return f"{path}: no such file or folder; check the path"
    return None


def walk(folder: Path) -> list[Path]:
    """Every file under `folder`, recursively, in a stable order; hidden files and folders left out."""
    out = []
    for root, dirs, names in os.walk(folder):  # symlinked folders are not followed: no loops
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        out.extend(Path(root) / n for n in sorted(names) if not n.startswith("."))
    return out


def chosen(path: Path, folder: Path, glob: str | None) -> bool:
    """True when a file found in `folder` is asked for: it matches --glob (name or relative path)."""
    if glob is None:
        return True
    return fnmatch(path.name, glob) or fnmatch(path.relative_to(folder).as_posix(), glob)


def collect(paths: list[Path], glob: str | None = None) -> Collected:
    """Expand folders into their article files; keep '-' (standard input) as it is."""
    out = Collected()
    for path in paths:
        if str(path) == STDIN:
            out.files.append(path)
            continue
        problem = path_problem(path)
        if problem:
            out.errors.append(problem)
        elif path.is_dir():
            picked = [p for p in walk(path) if chosen(p, path, glob)]
            found = [p for p in picked if p.suffix.lower() in FORMATS]
            out.skipped.extend(p for p in picked if p.suffix.lower() not in FORMATS)
            if not found:
                wanted = f"matching --glob {glob!r}" if glob else f"({SUPPORTED})"
                out.errors.append(f"{path}: folder holds no articles {wanted}; point at article files")
            out.files.extend(found)
        else:
            out.files.append(path)
    return out
