"""Exporters: pure functions from a ``Document`` to text."""
