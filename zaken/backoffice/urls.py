"""/behandelen/: the login pages, then the site (task lists, flow pages, case list and dossiers)."""

from django.urls import path
from viewflow.contrib.auth import AuthViewset

from .site import build_site, site_urls
from .views import LoginView

site = build_site()

urlpatterns = [
    # Outside the site: its guard would send the login page to the login page.
    path("accounts/", AuthViewset(login_view_class=LoginView, allow_password_change=False,
                                  with_profile_view=False).urls),
    path("", site_urls(site)),
]
