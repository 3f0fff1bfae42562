"""Writes of the back office: the processing log of what a civil servant looked at, group rights."""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from viewflow.workflow.models import Process

from zaken.actors import Actor
from zaken.models import AuditLog, Document, Zaak
from zaken.services import audit_record

REASON = "dossier inzien"


def dossier_inzien_record(*, user, zaak: Zaak, categories: list[str]) -> AuditLog:
    return audit_record(actor=Actor.medewerker(user), name="dossier_inzien", operation=AuditLog.Operation.READ,
                        zaak=zaak, categories=categories, reason=REASON, subject_bsn=zaak.initiator_bsn,
                        processing_activity=f"{zaak.zaaktype.process_slug}: dossier inzien")


def document_inzien_record(*, user, document: Document) -> AuditLog:
    zaak = document.zaak
    return audit_record(actor=Actor.medewerker(user), name="document_inzien", operation=AuditLog.Operation.READ,
                        zaak=zaak, categories=[f"document: {document.get_soort_display()}"], reason=REASON,
                        subject_bsn=zaak.initiator_bsn,
                        processing_activity=f"{zaak.zaaktype.process_slug}: document inzien")


# Roles are global Django groups; the municipality comes from Medewerkerschap. Each group gets
# viewflow's process permissions plus the task permissions every registered flow declares.
ROLE_PERMISSIONS = {
    "behandelaar": ("view_process",),
    "coördinator": ("view_process", "manage_process"),  # manage: unassign others, cancel, undo
}


def flow_task_permissions(flows) -> set[str]:
    """The "app_label.codename" permissions of the flows' human tasks (callables are skipped), plus
    those a flow declares for work outside its tasks (`extra_permissions`, e.g. a counter)."""
    names = set()
    for flow_class in flows:
        names.update(getattr(flow_class, "extra_permissions", ()))
        for node in flow_class.instance.nodes():
            permission = getattr(node, "_owner_permission", None)  # viewflow keeps it private
            if isinstance(permission, str):
                names.add(permission)
    return names


@transaction.atomic
def groepsrechten_sync(*, flows) -> dict[str, list[str]]:
    """Give the role groups what the back office needs; only adds, so admins' extra grants stay."""
    process_type = ContentType.objects.get_for_model(Process)
    task_permissions = [Permission.objects.get(content_type__app_label=app_label, codename=codename)
                        for app_label, codename in (name.split(".", 1) for name in sorted(flow_task_permissions(flows)))]
    granted = {}
    for group_name, codenames in ROLE_PERMISSIONS.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        # manage_process is added to Process's Meta by viewflow at import time, so no migration
        # creates it: make sure the row exists.
        process_permissions = [Permission.objects.get_or_create(
            content_type=process_type, codename=codename,
            defaults={"name": f"Can {codename.replace('_', ' ')}"})[0] for codename in codenames]
        group.permissions.add(*process_permissions, *task_permissions)
        granted[group_name] = sorted(f"{p.content_type.app_label}.{p.codename}"
                                     for p in [*process_permissions, *task_permissions])
    return granted
