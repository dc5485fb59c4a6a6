"""Persistence: session files, atomic writes, locks, safe reads, save errors, caches."""
