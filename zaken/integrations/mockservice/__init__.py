"""The mock registers as HTTP services: the same APIs as Haal Centraal BRP Personen, BAG
Individuele Bevragingen v2, KvK Basisprofiel and our documented RDW contract, answered from the
RvIG test set (MOCK_DATA_DIR). Served by `manage.py mock_registers_serve`; the adapters reach them
with the production HTTP clients."""
