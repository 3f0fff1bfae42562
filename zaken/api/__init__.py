"""The ZGW APIs (VNG "API's voor Zaakgericht Werken") over our case core, under /api/<component>/v1/.

Sits beside the back office in the import direction: it may use the process registry and the core's
services and selectors; the core never imports it.
"""
