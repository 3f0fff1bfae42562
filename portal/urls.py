from django.urls import path

from .views import auth, auth_saml, catalogue, tracker

tenant_patterns = [
    path("", catalogue.home, name="home"),
    path("inloggen/", auth.login_choose, name="login"),
    path("inloggen/<slug:means>/", auth.login_means, name="login_means"),
    path("inloggen/<slug:means>/acs/", auth_saml.saml_acs, name="login_saml_acs"),
    path("inloggen/<slug:means>/metadata/", auth_saml.saml_metadata, name="login_saml_metadata"),
    path("inloggen/<slug:means>/slo/", auth_saml.saml_slo, name="login_saml_slo"),
    path("uitloggen/", auth.logout, name="logout"),
    path("aanvragen/<slug:product>/", catalogue.product_start, name="product_start"),
    path("aanvragen/<slug:product>/<slug:step>/", catalogue.product_start, name="product_step"),
    path("mijn-zaken/", tracker.zaak_list, name="zaak_list"),
    path("mijn-zaken/<str:identificatie>/", tracker.zaak_detail, name="zaak_detail"),
    path("mijn-zaken/<str:identificatie>/verzoeken/<uuid:verzoek>/", tracker.verzoek_answer,
         name="verzoek_answer"),
    path("mijn-zaken/<str:identificatie>/besluiten/<int:besluit>/bezwaar/", tracker.bezwaar_form,
         name="bezwaar_form"),
    path("mijn-zaken/<str:identificatie>/documenten/<uuid:document>/", tracker.document_download,
         name="document_download"),
]
