"""The Textual app. Nothing outside ``reader.tui`` imports this package except the CLI."""
