"""/admin/ is functional administration: superusers and the functioneel-beheerder group only.

Civil servants are `is_staff` (the back office requires it), so Django's default rule (any
active staff member may enter the admin) would open every model admin to them, viewflow's
processes of every municipality included. This site ignores `is_staff`: it lets in superusers
and members of the group named by settings.BEHEER_GROUP, and everybody else gets the admin's
login page with its refusal. zaken.admin_apps.BeheerAdminConfig (in INSTALLED_APPS) makes it the
default site, so every `admin.site.register()` (ours and third parties') lands here.
"""

from django.conf import settings
from django.contrib.admin import AdminSite
from django.contrib.admin.forms import AdminAuthenticationForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

DEFAULT_BEHEER_GROUP = "functioneel beheerder"


def beheer_group_name() -> str:
    return getattr(settings, "BEHEER_GROUP", DEFAULT_BEHEER_GROUP)


def is_functioneel_beheerder(user) -> bool:
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.groups.filter(name=beheer_group_name()).exists()


class BeheerAuthenticationForm(AdminAuthenticationForm):
    error_messages = {
        **AdminAuthenticationForm.error_messages,
        "invalid_login": _("Vul de gebruikersnaam en het wachtwoord van een account voor functioneel beheer in. "
                           "Medewerkers die zaken behandelen, werken in /behandelen/."),
    }

    def confirm_login_allowed(self, user):
        if not user.is_active or not is_functioneel_beheerder(user):
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login",
                                  params={"username": self.username_field.verbose_name})


class BeheerAdminSite(AdminSite):
    site_header = _("Samenloket functioneel beheer")
    site_title = _("Samenloket beheer")
    index_title = _("Gemeenten, producten en thema's")
    login_form = BeheerAuthenticationForm

    def has_permission(self, request):
        return is_functioneel_beheerder(request.user)


# What the group may do in the admin: keep municipalities, their host names and products. Deleting
# a municipality is left to superusers (its cases hang on it).
BEHEER_PERMISSIONS = {
    "gemeente": ("view", "add", "change"),
    "gemeentehost": ("view", "add", "change", "delete"),
    "gemeenteproduct": ("view", "add", "change", "delete"),
    "product": ("view",),
    "atwbesluitdag": ("view", "add", "change", "delete"),
}
# A process package adds its own configuration models here, as "app_label.model" (from its admin.py).


def beheerrechten_sync() -> list[str]:
    """Give the functional-administration group its model permissions; only adds, like groepsrechten_sync."""
    from django.contrib.auth.models import Group, Permission
    from django.db.models import Q

    group, _created = Group.objects.get_or_create(name=beheer_group_name())
    query = Q(pk__in=[])
    for key, actions in BEHEER_PERMISSIONS.items():
        app_label, model = key.split(".") if "." in key else ("zaken", key)
        query |= Q(content_type__app_label=app_label, codename__in=[f"{action}_{model}" for action in actions])
    permissions = list(Permission.objects.filter(query).select_related("content_type"))
    group.permissions.add(*permissions)
    return sorted(f"{p.content_type.app_label}.{p.codename}" for p in permissions)
