"""Dates a person types: a field that refuses absurd years before any rule compares or stores them, and terms."""

from __future__ import annotations

from datetime import date, timedelta

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# A sanity bound, not a business rule: every date typed in our forms is an event of living memory or
# the near future. Outside it, aware datetimes overflow and the database refuses the value.
MIN_YEAR, MAX_YEAR = 1900, 2100


class DatumField(forms.DateField):
    """A DateField (browser date picker) whose year must lie within MIN_YEAR..MAX_YEAR."""

    def __init__(self, **kwargs):
        kwargs.setdefault("widget", forms.DateInput(attrs={"type": "date"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        day = super().to_python(value)
        if day is not None and not MIN_YEAR <= day.year <= MAX_YEAR:
            raise ValidationError(self.error_messages["invalid"], code="invalid")
        return day


def termijn_fout(termijn: date, *, vandaag: date, max_dagen: int) -> str:
    """Why a civil servant's answer term cannot be used (with what to do), or "" when it is fine."""
    if termijn <= vandaag:
        return _("De termijn moet in de toekomst liggen. Kies een datum na vandaag.")
    if termijn > vandaag + timedelta(days=max_dagen):
        return _("Kies een termijn van hoogstens %(n)s dagen, dus uiterlijk %(d)s.") % {
            "n": max_dagen, "d": (vandaag + timedelta(days=max_dagen)).strftime("%d-%m-%Y")}
    return ""
