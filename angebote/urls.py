"""Public URLs of the register outside the page tree: the HSDS 3.0.1 API (paths as in its openapi.json)."""

from django.urls import re_path

from . import api

# Each path with or without the trailing slash: the spec writes /services, earlier clients used /services/.
urlpatterns = [
    re_path(r"^$", api.index, name="hsds_index"),
    re_path(r"^services/?$", api.services, name="hsds_services"),
    re_path(r"^services/(?P<id>[^/]+)/?$", api.service, name="hsds_service"),
    re_path(r"^organizations/?$", api.organizations, name="hsds_organizations"),
    re_path(r"^organizations/(?P<id>[^/]+)/?$", api.organization, name="hsds_organization"),
    re_path(r"^service_at_locations/?$", api.service_at_locations, name="hsds_service_at_locations"),
    re_path(r"^service_at_locations/(?P<id>[^/]+)/?$", api.service_at_location, name="hsds_service_at_location"),
    re_path(r"^taxonomies/?$", api.taxonomies, name="hsds_taxonomies"),
    re_path(r"^taxonomies/(?P<id>[^/]+)/?$", api.taxonomy, name="hsds_taxonomy"),
    re_path(r"^taxonomy_terms/?$", api.taxonomy_terms, name="hsds_taxonomy_terms"),
    re_path(r"^taxonomy_terms/(?P<id>[^/]+)/?$", api.taxonomy_term, name="hsds_taxonomy_term"),
]
