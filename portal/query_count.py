"""Reports the SQL queries of each request in a response header, for the benchmark (`make bench`).

Off unless the environment sets SQL_QUERY_COUNT_HEADER=1: Django then drops the middleware at startup,
so production pays nothing for it. A header (rather than DEBUG's connection.queries) keeps DEBUG off
while measuring and lets the load generator read the count of every request it makes.
"""

import os

from django.core.exceptions import MiddlewareNotUsed
from django.db import connections

HEADER = "X-SQL-Queries"


class QueryCountMiddleware:
    def __init__(self, get_response):
        if os.environ.get("SQL_QUERY_COUNT_HEADER") != "1":
            raise MiddlewareNotUsed
        self.get_response = get_response

    def __call__(self, request):
        counter = _QueryCounter()
        with connections["default"].execute_wrapper(counter):
            response = self.get_response(request)
        response[HEADER] = str(counter.count)
        return response


class _QueryCounter:
    def __init__(self):
        self.count = 0

    def __call__(self, execute, sql, params, many, context):
        self.count += 1
        return execute(sql, params, many, context)
