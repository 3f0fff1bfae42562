"""What `collectstatic` leaves out in production."""

from django.contrib.staticfiles.apps import StaticFilesConfig


class SamenloketStaticFilesConfig(StaticFilesConfig):
    """The staticfiles app without the parts of viewflow's wheel that no page uses.

    viewflow ships, beside its built assets, copies of the npm packages they were built from
    (`node_modules/`); their CSS names font files that are not in the wheel, so the hashing
    storage cannot rewrite those references and refuses to collect. No template links them: the
    pages use the built copies one level up. `js/contrib/dash` belongs to viewflow's Plotly
    integration, which is not installed here (22 MB that would be hashed and compressed for
    nothing).
    """

    ignore_patterns = [*StaticFilesConfig.ignore_patterns, "node_modules", "viewflow/js/contrib/dash/*"]
