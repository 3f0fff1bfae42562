"""The permit zones: configured per municipality by the functional administrator."""

from django import forms
from django.contrib import admin
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from zaken.admin_site import BEHEER_PERMISSIONS

from .models import Vergunningzone, postcodebereiken_lezen

BEHEER_PERMISSIONS["parkeervergunning.vergunningzone"] = ("view", "add", "change")


class VergunningzoneForm(forms.ModelForm):
    class Meta:
        model = Vergunningzone
        fields = "__all__"

    def clean_postcodebereiken(self):
        text = self.cleaned_data.get("postcodebereiken", "")
        bereiken = postcodebereiken_lezen(text)  # a ValidationError names the range it cannot read
        return "\n".join(f"{van}-{tot}" for van, tot in bereiken)

    def clean_bag_ids(self):
        ids = [i for i in self.cleaned_data.get("bag_ids", "").replace(",", " ").split() if i]
        fout = [i for i in ids if not (len(i) == 16 and i.isdigit())]
        if fout:
            raise ValidationError(_("‘%(id)s’ is geen adresseerbaarobjectidentificatie. Die bestaat uit 16 cijfers, "
                                    "bijvoorbeeld 0599010000208579.") % {"id": fout[0][:30]})
        return "\n".join(ids)

    def clean(self):
        data = super().clean()
        if not data.get("postcodebereiken") and not data.get("bag_ids") and not self.errors:
            raise ValidationError(_("Geef ten minste één postcodebereik of één BAG-object op; anders ligt er geen "
                                    "adres in de zone."))
        return data


@admin.register(Vergunningzone)
class VergunningzoneAdmin(admin.ModelAdmin):
    form = VergunningzoneForm
    list_display = ["naam", "gemeente", "quotum_per_adres", "capaciteit", "actief"]
    list_filter = ["actief", "gemeente"]
    search_fields = ["naam", "postcodebereiken"]
    list_select_related = ["gemeente"]
