"""ZGW notifications: a transactional outbox of Notificaties API 1.0 messages and their delivery.

Core level (core services write it); imports only the `zaken` core.
"""
