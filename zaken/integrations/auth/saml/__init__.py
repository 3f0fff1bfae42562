"""DigiD and eHerkenning over SAML 2.0 with pysaml2: one service provider per municipality and means.

models: the connection (SamlKoppeling) and the used message ids (replay); sp: building the
pysaml2 client from a connection; flow: AuthnRequest, assertion, logout; adapters: the
registered `digid-saml` and `eherkenning-saml`; idp: a local IdP for tests and staging.
"""
