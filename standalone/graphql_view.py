"""The standalone host's GraphQL endpoint (inside Saleor, Saleor's /graphql/ serves the API).

No request ends in a server error: malformed requests get 400 with a GraphQL error
body, and an unexpected exception is logged and reported without its internals.
"""

import json
import logging

from django.http import JsonResponse
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from graphql import GraphQLError
from graphql.error import format_error as format_graphql_error

from saleor_services.errors import ServiceError
from saleor_services.graphql.schema import build_schema

from .host import PermissionDenied

logger = logging.getLogger(__name__)

MAX_QUERY_LENGTH = 50_000
_EXPECTED = (GraphQLError, PermissionDenied, ServiceError)


def _format(error) -> dict:
    original = getattr(error, "original_error", None)
    if original is not None and not isinstance(original, _EXPECTED):
        logger.error("Unexpected error in GraphQL", exc_info=original)
        formatted = format_graphql_error(error)
        formatted["message"] = "Internal Server Error"
        formatted["extensions"] = {"exception": {"code": "INTERNAL_ERROR"}}
        return formatted
    formatted = format_graphql_error(error)
    if isinstance(original, PermissionDenied):
        formatted["extensions"] = {"exception": {"code": "PermissionDenied"}}
    return formatted


def _bad_request(message: str) -> JsonResponse:
    return JsonResponse({"errors": [{"message": message}]}, status=400)


@method_decorator(csrf_exempt, name="dispatch")
class GraphQLView(View):
    http_method_names = ["post", "options"]

    def post(self, request):
        try:
            body = json.loads(request.body or b"{}")
        except (ValueError, UnicodeDecodeError):
            return _bad_request("The request body is not valid JSON.")
        if not isinstance(body, dict):
            return _bad_request("The request body must be a JSON object.")
        query = body.get("query")
        variables = body.get("variables") or {}
        operation_name = body.get("operationName")
        if not isinstance(query, str) or not query.strip():
            return _bad_request("Must provide a query string.")
        if len(query) > MAX_QUERY_LENGTH:
            return _bad_request("The query is too long.")
        if not isinstance(variables, dict) or not (operation_name is None or isinstance(operation_name, str)):
            return _bad_request("Variables must be an object and operationName a string.")
        result = build_schema().execute(
            query, variable_values=variables, context_value=request, operation_name=operation_name
        )
        payload = {"data": result.data}
        if result.errors:
            payload["errors"] = [_format(error) for error in result.errors]
        return JsonResponse(payload, status=200)
