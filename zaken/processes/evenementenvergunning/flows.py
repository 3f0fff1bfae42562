"""The work of an event application; the service decided melding or permit before the flow starts.

start → route ─(melding)→ melding_toetsen (civil servant: accept or prohibit; the sweep accepts after the
             │            prohibition period and cancels the task) → end
             └(permit)→ betaling (Handle, the payment hook) → adviezen_nodig ─(class A)→ beoordelen
                                  └→ adviezen (Split: one task per adviser asked) → advies_<adviseur> (civil
                                     servant records the advice, or "geen advies ontvangen" after its term)
                                     → adviezen_binnen (Join) → beoordelen (civil servant: grant or refuse) → end
"""

from django.utils.translation import gettext_lazy as _
from viewflow import this
from viewflow.workflow import PROCESS, STATUS, flow
from viewflow.workflow.lock import SelectForUpdateLock

from zaken.forms.evenementenvergunning.rules import ADVISEURS
from zaken.processes.shared import CaseFlowMixin

from . import views

PERMISSION = "evenementenvergunning.beoordelen_evenement"
ADVIES_PERMISSION = "evenementenvergunning.advies_evenement"


def _advies_task(adviseur: str, title):
    return (flow.View(views.AdviesView.as_view(adviseur=adviseur))
            .Annotation(title=title, description=_("Het advies overnemen zodra het binnen is; na de adviestermijn "
                                                   "kan ook ‘geen advies ontvangen’."))
            .Permission(ADVIES_PERMISSION)
            .Next(this.adviezen_binnen))


class EvenementenvergunningFlow(CaseFlowMixin, flow.Flow):
    process_title = _("Evenementenvergunning")
    process_description = _("Evenement: melding of vergunning, leges, adviezen en het besluit van de burgemeester")
    lock_impl = SelectForUpdateLock(nowait=False)  # advice branches finishing at once meet at one Join

    start = flow.StartHandle(this.start_process).Next(this.route)

    route = (flow.Switch().Annotation(title=_("Melding of vergunning?"))
             .Case(this.melding_toetsen, this.is_melding)
             .Default(this.betaling))

    melding_toetsen = (
        flow.View(views.MeldingView.as_view())
        .Annotation(title=_("Melding toetsen"),
                    description=_("Binnen de verbodstermijn: accepteren of het evenement verbieden."))
        .Permission(PERMISSION)
        .Next(this.end)
    )

    betaling = flow.Handle().Annotation(title=_("Wachten op betaling")).Next(this.adviezen_nodig)

    adviezen_nodig = (flow.Switch().Annotation(title=_("Adviezen nodig?"))
                      .Case(this.adviezen, this.vraagt_advies)
                      .Default(this.beoordelen))

    # One branch per adviser kind; only the advisers asked (zaak.adviesverzoeken) get a task.
    adviezen = (flow.Split().Annotation(title=_("Adviezen vragen"))
                .Next(this.advies_politie, case=this.vraagt_politie)
                .Next(this.advies_brandweer, case=this.vraagt_brandweer)
                .Next(this.advies_ggd, case=this.vraagt_ggd)
                .Next(this.advies_verkeer, case=this.vraagt_verkeer))

    advies_politie = _advies_task("politie", _("Advies politie vastleggen"))
    advies_brandweer = _advies_task("brandweer", _("Advies brandweer vastleggen"))
    advies_ggd = _advies_task("ggd", _("Advies GGD vastleggen"))
    advies_verkeer = _advies_task("verkeer", _("Advies verkeer vastleggen"))

    adviezen_binnen = flow.Join().Annotation(title=_("Alle adviezen binnen")).Next(this.beoordelen)

    beoordelen = (
        flow.View(views.BeoordelenView.as_view())
        .Annotation(title=_("Beoordelen"),
                    description=_("De adviezen en het veiligheidsplan bekijken; verlenen met voorschriften of "
                                  "weigeren."))
        .Permission(PERMISSION)
        .Next(this.end)
    )

    end = flow.End()

    def is_melding(self, activation):
        return activation.process.artifact.melding

    @classmethod
    def complete_advies(cls, *, case, adviseur: str, user) -> None:
        """Close the open advice task of this adviser (recorded elsewhere) as `user` did it; idempotent."""
        task = cls.task_class.objects.filter(
            process__flow_class=cls, process__status=PROCESS.NEW, process__artifact_object_id=case.pk,
            flow_task=getattr(cls, f"advies_{adviseur}"), status__in=[STATUS.NEW, STATUS.ASSIGNED]).first()
        if task is None:
            return
        with cls.lock(task.process_id):
            activation = task.flow_task.activation_class(task)
            if task.status == STATUS.NEW:
                activation.assign(user)
            activation.start(None)
            activation.execute()

    @staticmethod
    def _gevraagd(activation) -> set[str]:
        return set(activation.process.artifact.zaak.adviesverzoeken.values_list("adviseur", flat=True))

    def vraagt_advies(self, activation):
        return bool(self._gevraagd(activation) & set(ADVISEURS))

    def vraagt_politie(self, activation):
        return "politie" in self._gevraagd(activation)

    def vraagt_brandweer(self, activation):
        return "brandweer" in self._gevraagd(activation)

    def vraagt_ggd(self, activation):
        return "ggd" in self._gevraagd(activation)

    def vraagt_verkeer(self, activation):
        return "verkeer" in self._gevraagd(activation)

