import pytest
from django.core.management import call_command


@pytest.fixture
def rechten(demo):
    call_command("backoffice_rechten", verbosity=0)
