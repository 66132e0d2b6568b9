"""Screens shown over the main view: help and confirmation dialogs."""
