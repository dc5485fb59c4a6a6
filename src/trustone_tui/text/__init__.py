"""The Dutch wording of numbers, conditions, plans and summaries (one place)."""
