"""Rule-based attribution: who, if anyone, each sentence of an article comes from.

Per sentence, the text outside quotation marks is searched for a cue (a
communication verb, "according to", a speech noun, a headline colon, a
transcript "NAME:"), and the cue's source noun phrase is found around it.
Quotations are tracked across the whole document (``quotes``), and every
sentence inside a quotation takes the speaker of the quotation. Mentions are
grouped into entities by ``sources`` and named and typed by ``source_types``.
"""

from reader.core.attribution.pipeline import attribute
from reader.core.attribution.result import NO_CUE, SentenceAttribution

__all__ = ["NO_CUE", "SentenceAttribution", "attribute"]
