"""Shared rules for list query parameters."""

from django.utils.translation import gettext as _
from rest_framework import serializers as s


class EenFilterVerplicht(s.Serializer):
    """A list the spec answers as a plain array (no pages): unfiltered it would hold every relation of the
    municipality, so at least one of `verplicht_een_van` must be given, else a 400 (our deviation, docs/zgw.md)."""

    verplicht_een_van: tuple[str, ...] = ()

    def validate(self, attrs):
        if not any(name in attrs for name in self.verplicht_een_van):
            raise s.ValidationError(
                _("Geef minstens één van deze filters op: %(filters)s. Zonder filter zou de lijst alle relaties "
                  "van de gemeente bevatten.") % {"filters": ", ".join(self.verplicht_een_van)},
                code="filter-verplicht")
        return attrs
