"""Money (issue 13): one bounded context, sub-packages by concern (docs/finance.md)."""
