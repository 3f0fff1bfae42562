"""What every ZGW viewset shares."""


class ApiVersionMixin:
    """Every response (errors too) names the version of the standard the component follows."""

    api_version = ""

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["API-version"] = self.api_version
        return response
