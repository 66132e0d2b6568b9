"""The one definition of class markers and names, shared by the app and the exporters."""

from __future__ import annotations

from reader.core.model import Label

MARKERS: dict[Label, str] = {
    Label.OFFICIAL: "●",
    Label.THIRD_PARTY: "◆",
    Label.UNATTRIBUTED: "○",
}

LABEL_NAMES: dict[Label, str] = {
    Label.OFFICIAL: "official",
    Label.THIRD_PARTY: "third party",
    Label.UNATTRIBUTED: "unattributed",
}
