"""Provider verification (issue 15): documents, the admin review queue, category eligibility,
expiry reminders and lapse, badges, external checks."""
