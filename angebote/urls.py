"""Public URLs of the register outside the page tree: the HSDS API."""

from django.urls import path

from . import views

urlpatterns = [path("services/", views.hsds_services, name="hsds_services")]
