"""The DOCX package as bytes that depend only on its content.

python-docx stamps every zip member with the current time; rewriting the archive with one
fixed timestamp (SOURCE_DATE_EPOCH, or the document's own date) makes builds reproducible.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile

_ZIP_EPOCH = dt.datetime(1980, 1, 1)


def normalise_package(data: bytes, when: dt.datetime) -> bytes:
    """*data* re-zipped with members in the same order, all stamped *when*, fixed attributes."""
    stamp = max(when.replace(tzinfo=None), _ZIP_EPOCH)
    date_time = (stamp.year, stamp.month, stamp.day, stamp.hour, stamp.minute,
                 stamp.second - stamp.second % 2)
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w") as target:
        for member in source.infolist():
            info = zipfile.ZipInfo(member.filename, date_time=date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            info.create_system = 0
            target.writestr(info, source.read(member.filename))
    return out.getvalue()
