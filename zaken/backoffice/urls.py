"""Placeholder until the back office lands (lead)."""
urlpatterns = []
