"""The benchmark's SQL query counter (portal/query_count.py)."""

import pytest

from django.contrib.auth.models import Group
from django.core.exceptions import MiddlewareNotUsed
from django.http import HttpResponse
from django.test import RequestFactory

from portal.query_count import HEADER, QueryCountMiddleware


def view_with_two_queries(request):
    Group.objects.count()
    list(Group.objects.all())
    return HttpResponse("ok")


def test_query_count_middleware_is_dropped_unless_the_environment_switches_it_on(monkeypatch):
    monkeypatch.delenv("SQL_QUERY_COUNT_HEADER", raising=False)
    with pytest.raises(MiddlewareNotUsed):
        QueryCountMiddleware(view_with_two_queries)


@pytest.mark.django_db
def test_query_count_middleware_reports_the_queries_of_the_request_in_a_header(monkeypatch):
    monkeypatch.setenv("SQL_QUERY_COUNT_HEADER", "1")
    middleware = QueryCountMiddleware(view_with_two_queries)

    response = middleware(RequestFactory().get("/"))

    assert response[HEADER] == "2"


def test_healthz_sends_no_query_header_by_default(client, monkeypatch):
    monkeypatch.delenv("SQL_QUERY_COUNT_HEADER", raising=False)

    response = client.get("/healthz/")

    assert response.status_code == 200
    assert HEADER not in response
