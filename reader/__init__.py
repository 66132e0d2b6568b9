"""reader: see, sentence by sentence, where each claim in a news article comes from.

Importing this package must stay cheap: it must not import textual.
"""

__version__ = "0.1.0"
