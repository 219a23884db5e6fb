"""Personal data: the registry of where it lives (registry.py, declarations.py) and what follows
from it: export, erasure, retention, consent enforcement hooks. Nothing imports this package
from another bounded context; it names tables and columns by their database names."""
