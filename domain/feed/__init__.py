"""The live feed: one row per recipient of each marketplace happening worth showing them
(open jobs for servicemen, bids and status changes for customers, crew activity for
providers), ranked and paged (docs/events.md "Socket.IO namespace /feed")."""
