"""What every ZGW viewset shares: the API-version header, and ETag / If-None-Match on a resource's reads."""

import hashlib

from django.utils.cache import get_conditional_response
from django.utils.http import quote_etag
from rest_framework.exceptions import NotFound
from rest_framework.views import APIView

UUID_REGEX = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"  # a detail's {uuid} in the routes


class ZGWResponseMixin:
    """Every response (errors too) names the version of the standard the component follows. A 200 to a
    detail GET or HEAD carries an ETag of its body, and If-None-Match with that ETag is a 304 (the specs'
    HTTP caching; HEAD lets a client check it without the body). A streamed file (the Documenten download) gets
    no ETag: hashing it would read the whole file."""

    api_version = ""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = self.api_version
        if (request.method in ("GET", "HEAD") and response.status_code == 200 and "uuid" in self.kwargs
                and not response.streaming):
            response.render()
            etag = quote_etag(hashlib.md5(response.content, usedforsecurity=False).hexdigest())
            response["ETag"] = etag
            conditional = get_conditional_response(request._request, etag=etag, response=response)
            if conditional is not response:
                conditional["API-version"] = self.api_version
                return conditional
        return response


class NotFoundView(APIView):
    """Any other path under /api/: a 404 Fout (application/problem+json), not the portal's HTML page."""

    authentication_classes: list = []
    permission_classes: list = []
    schema = None  # not an operation of the API

    def initial(self, request, *args, **kwargs):
        raise NotFound()
