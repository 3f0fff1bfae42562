"""What the local IdP asserts: pysaml2's Server, with eHerkenning's attributes the way brokers send them."""

from __future__ import annotations

from saml2 import element_to_extension_element, saml
from saml2.saml import NAME_FORMAT_URI
from saml2.server import Server

EH = "urn:etoegang:core:"


class IdpServer(Server):
    """pysaml2 builds attribute values as text; eHerkenning puts a NameID inside some. Swap ours in."""

    statement: saml.AttributeStatement | None = None
    session_index: str = ""
    audience: str | None = None  # tests: an assertion meant for another SP

    def setup_assertion(self, *args, **kwargs):
        assertion = super().setup_assertion(*args, **kwargs)
        if isinstance(assertion, saml.Assertion):
            if self.statement is not None:
                assertion.attribute_statement = [self.statement]
            if self.audience and assertion.conditions:
                for restriction in assertion.conditions.audience_restriction:
                    for audience in restriction.audience:
                        audience.text = self.audience
            if assertion.authn_statement:
                self.session_index = assertion.authn_statement[0].session_index
        return assertion


def _nameid_value(qualifier: str, value: str) -> saml.AttributeValue:
    nameid = saml.NameID(name_qualifier=qualifier, text=value)
    return saml.AttributeValue(extension_elements=[element_to_extension_element(nameid)])


def _attribute(name: str, values: list) -> saml.Attribute:
    return saml.Attribute(name=name, name_format=NAME_FORMAT_URI,
                          attribute_value=[v if isinstance(v, saml.AttributeValue) else saml.AttributeValue(text=v)
                                           for v in values])


def eherkenning_statement(subject: dict, pseudonym: str, service_id: str) -> saml.AttributeStatement:
    """ServiceID, LegalSubjectID and ActingSubjectID (a NameID inside the value), and the restrictions."""
    values = [_attribute(EH + "ServiceID", [service_id]),
              _attribute(EH + "LegalSubjectID", [_nameid_value("urn:etoegang:1.9:EntityConcernedID:KvKnr", subject["kvk"])]),
              _attribute(EH + "ActingSubjectID", [_nameid_value("urn:etoegang:1.9:EntityConcernedID:Pseudo", pseudonym)])]
    if subject.get("vestiging"):
        values.append(_attribute("urn:etoegang:1.9:ServiceRestriction:Vestigingsnr", [subject["vestiging"]]))
    for name, value in subject.get("restrictions", {}).items():
        values.append(_attribute(name, [value]))
    return saml.AttributeStatement(attribute=values)
