"""Feature flags and remote config (issue 20): typed values with targeting, evaluated on the
server (kill switches, maintenance mode, minimum app versions) and in bulk for clients."""
