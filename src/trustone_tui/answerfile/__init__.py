"""The answer file: read, validate, migrate and write a session's TOML."""
