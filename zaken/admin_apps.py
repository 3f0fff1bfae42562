"""Django's admin app with BeheerAdminSite as its default site.

Apart from zaken/admin_site.py because INSTALLED_APPS imports this module before any model may load.
"""

from django.contrib.admin.apps import AdminConfig


class BeheerAdminConfig(AdminConfig):
    default_site = "zaken.admin_site.BeheerAdminSite"
