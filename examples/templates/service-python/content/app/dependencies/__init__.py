"""The technologies this service connects to, checked by /readyz:
(technology, environment variable, client module). tech-stack:wire
rewrites this file from its entries: keep one entry per line.
"""

DEPENDENCIES = []
