"""A throw-away process that proves the case core and the back office are process-agnostic.

It has the shape every real process package follows (definition, case model with its machine,
flow, services, task view) and nothing more. Installed only by config.settings.test.
"""
