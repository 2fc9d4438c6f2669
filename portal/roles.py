"""The names of the role groups (docs/design.md, "Roles"), here so that every app can refer to them.

home/site_setup/roles.py gives the groups their permissions; Träger and Gemeinde groups are named per organisation.
"""

REDAKTION = "Redaktion"
SOZIALPLANUNG = "Sozialplanung"
