"""Template context every page shares, portal and back office alike."""

from django.conf import settings


def testomgeving(request):
    """True on a staging stack (config.settings.staging): every page then says it is a test."""
    return {"testomgeving": settings.STAGING}
