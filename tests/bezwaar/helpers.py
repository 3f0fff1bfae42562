from django.core.files.uploadedfile import SimpleUploadedFile

GRONDEN = "Ik woon echt op dit adres: het is een woning boven het kantoor."


def form_url(zaak, besluit=None) -> str:
    besluit = besluit or zaak.besluiten.get()
    return f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/besluiten/{besluit.pk}/bezwaar/"


def detail_url(zaak) -> str:
    return f"/{zaak.gemeente.slug}/mijn-zaken/{zaak.identificatie}/"


def bezwaar_data(**overrides) -> dict:
    data = {"gronden": GRONDEN, "verklaring": "on"}
    data.update(overrides)
    return {k: v for k, v in data.items() if v is not None}


def pdf_bijlage(name="huurcontract.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF",
                              content_type="application/pdf")
