"""Case numbers: per municipality, year and series, gap-free from 1, in one statement."""

import pytest

from zaken.services import zaaknummer_next

pytestmark = pytest.mark.django_db


def test_numbers_count_per_municipality_year_and_series(demo, django_assert_num_queries):
    den_haag, rotterdam = demo["den-haag"], demo["rotterdam"]
    assert zaaknummer_next(gemeente=den_haag, year=2031) == "ZAAK-2031-0000001"
    with django_assert_num_queries(1):  # the series exists: one UPDATE … RETURNING
        assert zaaknummer_next(gemeente=den_haag, year=2031) == "ZAAK-2031-0000002"
    assert zaaknummer_next(gemeente=rotterdam, year=2031) == "ZAAK-2031-0000001"
    assert zaaknummer_next(gemeente=den_haag, year=2032) == "ZAAK-2032-0000001"
    assert zaaknummer_next(gemeente=den_haag, year=2031, reeks="BESLUIT") == "BESLUIT-2031-0000001"
    assert zaaknummer_next(gemeente=den_haag, year=2031) == "ZAAK-2031-0000003"
