"""One module per bounded context; each exposes a `routes` RouteTable mounted in rest/app.py."""
