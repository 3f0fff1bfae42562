"""Token values kept in the database: a strict grammar per token type, nothing else reaches the CSS."""

import pytest
from django.core.exceptions import ValidationError

from portal.theming import tokens_stylesheet
from tests.factories import GemeenteFactory
from zaken.theme_tokens import (COLOUR, FONT_FAMILY, FONT_WEIGHT, KEYWORD, LENGTH, LINE_HEIGHT, NUMBER,
                                check_token, clean_tokens, token_type, validate_theme_tokens)

VALID = {
    "--utrecht-heading-color": ["#0b5394", "#fff", "#00566bcc", "#FFFA", "rgb(0, 86, 107)", "rgb(0 86 107 / 50%)",
                                "rgba(0,86,107,0.5)", "hsl(190 100% 21%)", "hsla(190deg, 100%, 21%, .8)",
                                "rebeccapurple", "White", "transparent", "currentColor",
                                "var(--basis-color-accent-1-color-default)"],
    "--utrecht-page-header-border-color": ["#e17000"],
    "--basis-color-action-1-inverse-bg-default": ["#00566b"],
    "--utrecht-document-font-size": ["16px", "1.125rem", "0", "100%", "var(--basis-text-font-size-md)"],
    "--utrecht-button-border-radius": ["0", "4px", ".25em", "calc(4px + 0.5rem)", "calc(var(--x-gap) * 2)"],
    "--utrecht-page-max-inline-size": ["1184px", "80ch", "100vw"],
    "--utrecht-button-padding-block-start": ["12px", "auto"],
    "--basis-space-block-lg": ["24px"],
    "--utrecht-document-line-height": ["1.5", "24px", "normal", "var(--basis-text-line-height-md)"],
    "--utrecht-heading-font-weight": ["400", "700", "bold", "normal"],
    "--utrecht-document-font-family": ["Verdana, 'DejaVu Sans', sans-serif", '"Noto Sans", Arial, sans-serif',
                                       "system-ui", "var(--basis-text-font-family-default)"],
    "--utrecht-backdrop-opacity": ["0.5", "1"],
    "--utrecht-link-text-decoration": ["underline", "none"],
}

INVALID = {
    "--utrecht-heading-color": [
        'image-set("//evil.example/x.png" 1x)', "url(//evil.example/x.png)", "URL(x)", "expression(alert(1))",
        "red;}</style><script>alert(1)</script>", "red }", "red;", "</style", "#fff\\;", "\\72 ed",
        "#12345", "rgb(0,0)", "rgb(a, b, c)", "rgb(0 0 0) url(x)", "notacolour", "'red'", "var(--x, url(x))",
        "attr(title)", "env(safe-area-inset-top)", "@import", "#fff !important", "red\n--x: url(y)",
    ],
    "--utrecht-document-font-size": ["16", "16 px", "1e3px", "calc(1px + url(x))", "calc(attr(x))", "-webkit-calc(1px)",
                                     "16pxx"],
    "--utrecht-heading-font-weight": ["1001", "0", "heavy;"],
    "--utrecht-document-font-family": ["'Foo", "Foo'", "'Foo\" Bar'", "'It''s'", "'a\\27 b'", "Arial,, serif",
                                       "Arial;", "url(x)", "'Foo' 'Bar'", "123font"],
    "--utrecht-link-text-decoration": ["under line", "url(x)"],
}


@pytest.mark.parametrize("name,value", [(n, v) for n, vs in VALID.items() for v in vs])
def test_valid_values_per_type_are_kept(name, value):
    assert check_token(name, value) == (value, None)


@pytest.mark.parametrize("name,value", [(n, v) for n, vs in INVALID.items() for v in vs])
def test_invalid_values_are_refused(name, value):
    text, error = check_token(name, value)
    assert text == "" and error


@pytest.mark.parametrize("name,kind", [
    ("--utrecht-heading-color", COLOUR), ("--utrecht-button-primary-action-background-color", COLOUR),
    ("--basis-color-action-2-color-hover", COLOUR), ("--voorbeeld-kleuren-rood-500", COLOUR),
    ("--utrecht-document-font-size", LENGTH), ("--utrecht-form-control-min-height", LENGTH),
    ("--utrecht-button-padding-inline-end", LENGTH), ("--utrecht-space-around", LENGTH),
    ("--utrecht-column-gap", LENGTH), ("--utrecht-button-border-width", LENGTH),
    ("--basis-text-line-height-md", LINE_HEIGHT), ("--basis-text-font-weight-bold", FONT_WEIGHT),
    ("--basis-text-font-family-default", FONT_FAMILY), ("--utrecht-backdrop-opacity", NUMBER),
    ("--utrecht-button-border-style", KEYWORD), ("--utrecht-heading-background-image", None),
    ("--utrecht-thing", None), ("--evil", None),
])
def test_type_follows_the_token_name(name, kind):
    assert token_type(name) == kind


def test_names_of_unknown_type_or_bad_form_are_refused():
    for name in ("--evil", "--utrecht-heading-background-image", "utrecht-heading-color", "--Utrecht-color",
                 "--x-color;", "--x--color", "--x-color}", 42):
        assert check_token(name, "#fff")[1], name


def test_non_text_values_are_refused_numbers_accepted():
    assert check_token("--utrecht-backdrop-opacity", 0.5) == ("0.5", None)
    assert check_token("--utrecht-heading-font-weight", 700) == ("700", None)
    for value in (None, True, ["#fff"], {"a": 1}, "", " ", "#" + "f" * 300):
        assert check_token("--utrecht-heading-color", value)[1], value


def test_validation_names_the_token_and_why():
    with pytest.raises(ValidationError) as raised:
        validate_theme_tokens({"--utrecht-heading-color": 'image-set("//evil.example/x.png" 1x)',
                               "--utrecht-document-font-family": "'Foo",
                               "--utrecht-page-footer-color": "#ffffff"})
    messages = raised.value.messages
    assert len(messages) == 2
    assert "--utrecht-heading-color" in messages[0] and "image-set()" in messages[0]
    assert "--utrecht-document-font-family" in messages[1] and "lettertypen" in messages[1]
    with pytest.raises(ValidationError):
        validate_theme_tokens(["--x-color"])
    validate_theme_tokens({"--utrecht-page-footer-color": "#ffffff"})  # no error


@pytest.mark.django_db
def test_stylesheet_drops_bad_values_and_a_stray_quote_does_not_eat_the_next_token():
    gemeente = GemeenteFactory(theme_kind="database", theme_tokens={
        "--utrecht-document-font-family": "'Foo",  # a stray quote: would run on into the next line
        "--utrecht-heading-color": "#00404f",
        "--utrecht-link-color": 'image-set("//evil.example/x.png" 1x)',
        "--utrecht-page-footer-color": "url(//evil.example/x.png)",
        "--utrecht-page-header-background-color": "red;}</style><script>alert(1)</script>",
        "--utrecht-page-header-border-color": "\\000072ed",
        "--utrecht-heading-font-family": "expression(alert(1))",
    })
    css = tokens_stylesheet(gemeente)
    assert css == ".samenloket-db-theme {\n  --utrecht-heading-color: #00404f;\n}\n"
    for forbidden in ("'", '"', "evil", "url(", "image-set", "expression", "</", "\\", "script"):
        assert forbidden not in css


def test_clean_tokens_tolerates_garbage():
    assert clean_tokens(None) == {} and clean_tokens(["--x-color"]) == {}
    assert clean_tokens({"--a-color": "#fff", "--b-color": {"x": 1}}) == {"--a-color": "#fff"}


@pytest.mark.django_db
def test_theme_view_serves_only_valid_tokens(client):
    gemeente = GemeenteFactory(slug="thema-test", theme_kind="database", theme_tokens={
        "--utrecht-heading-color": "#123456", "--utrecht-link-color": "url(https://evil.example/)"})
    response = client.get(f"/thema/{gemeente.slug}.css")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/css")
    assert b"--utrecht-heading-color: #123456;" in response.content and b"evil" not in response.content
