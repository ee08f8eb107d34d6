"""The neutral report model that every renderer translates."""
