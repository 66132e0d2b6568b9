"""Scoring the analyser against PolNeAR-format corpora (``reader evaluate``)."""
