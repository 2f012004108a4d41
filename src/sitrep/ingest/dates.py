"""Publication dates from metadata: accept what feeds and pages give, keep only the day."""

from __future__ import annotations

import datetime as dt
import re
import time

_ISO_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """``'2023-02-16T10:00Z'``, a ``date``, a ``struct_time`` -> ``'2023-02-16'``; junk -> None."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, time.struct_time):
        return dt.date(value.tm_year, value.tm_mon, value.tm_mday).isoformat()
    if isinstance(value, str):
        m = _ISO_DAY.match(value.strip())
        if m:
            try:
                return dt.date(int(m[1]), int(m[2]), int(m[3])).isoformat()
            except ValueError:
                return None
    return None
