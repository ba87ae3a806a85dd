"""A NukeViet news module from a database dump (.sql, mysqldump or phpMyAdmin), without a server:
sqldump.py reads the statements, portal.py NukeViet's tables, mojibake.py repairs double encoding."""

from .portal import Module, Portal, bodies, read_portal
from .sqldump import DumpError

__all__ = ["DumpError", "Module", "Portal", "bodies", "read_portal"]
