"""Scoring against gold sets: events, cases, article text (HTML) and time expressions."""
