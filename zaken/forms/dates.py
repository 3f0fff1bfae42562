"""Dates a person types: a field that refuses absurd years before any rule compares or stores them."""

from __future__ import annotations

from django import forms
from django.core.exceptions import ValidationError

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
