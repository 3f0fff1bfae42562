"""Design-token values a municipality keeps in the database, checked against a strict grammar.

A token's type follows from its NL Design System name (`--utrecht-heading-color` is a colour,
`--basis-space-block-lg` a length, `--utrecht-document-font-family` a font stack). Each type
accepts only its own small grammar; the only CSS functions are rgb(a)/hsl(a) with numbers,
var(--token) and calc() over lengths. Nothing else can reach the generated stylesheet: no url(),
image-set(), quotes outside one font name, escapes, braces, semicolons or angle brackets.
A name of unknown type is refused. The admin shows the messages; the stylesheet drops bad values.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

MAX_VALUE_LENGTH = 200

COLOUR, LENGTH, NUMBER, LINE_HEIGHT, FONT_WEIGHT, FONT_FAMILY, KEYWORD = (
    "colour", "length", "number", "line-height", "font-weight", "font-family", "keyword")

TYPE_LABELS = {
    COLOUR: _("een kleur, bv. #00566b, rgb(0 86 107), een kleurnaam of var(--token)"),
    LENGTH: _("een maat, bv. 16px, 1.5rem, 0 of var(--token)"),
    NUMBER: _("een getal, bv. 0.5"),
    LINE_HEIGHT: _("een regelhoogte, bv. 1.5, 24px of var(--token)"),
    FONT_WEIGHT: _("een letterdikte, bv. 400, 700, bold of var(--token)"),
    FONT_FAMILY: _("lettertypen gescheiden door komma's, bv. Verdana, 'DejaVu Sans', sans-serif"),
    KEYWORD: _("één CSS-sleutelwoord, bv. solid, underline of pointer"),
}

TOKEN_NAME_RE = re.compile(r"--[a-z][a-z0-9]*(?:-[a-z0-9]+)*")
MAX_NAME_LENGTH = 120

# --- which type a token name has --------------------------------------------------------------
# First match wins: a property word at the end of the name, then the word anywhere in it (scale
# tokens such as --basis-text-line-height-md or --basis-color-accent-1-bg-default).
_LENGTH_WORDS = (r"size|width|height|radius|gap|offset|thickness|inset|indent|spacing|distance|"
                 r"padding|margin|(?:padding|margin|inset)-(?:block|inline|top|right|bottom|left)(?:-start|-end)?")
_TYPE_RULES = [
    (re.compile(r"(?:^|-)font-family(?:-|$)"), FONT_FAMILY),
    (re.compile(r"(?:^|-)font-weight(?:-|$)"), FONT_WEIGHT),
    (re.compile(r"(?:^|-)line-height(?:-|$)"), LINE_HEIGHT),
    (re.compile(r"(?:^|-)font-size(?:-|$)"), LENGTH),
    (re.compile(r"-(?:color|fill|stroke)$"), COLOUR),
    (re.compile(rf"-(?:{_LENGTH_WORDS})$"), LENGTH),
    (re.compile(r"-opacity$"), NUMBER),
    (re.compile(r"-(?:style|cursor|text-decoration(?:-line)?|text-transform|align-items|justify-content)$"),
     KEYWORD),
    (re.compile(r"(?:^|-)(?:color|kleur|kleuren)(?:-|$)"), COLOUR),
    (re.compile(r"(?:^|-)(?:space|size|border-radius|border-width|pointer-target)(?:-|$)"), LENGTH),
]


def token_type(name: str) -> str | None:
    bare = name.removeprefix("--")
    return next((kind for pattern, kind in _TYPE_RULES if pattern.search(bare)), None)


# --- the grammar of each type -------------------------------------------------------------------
_NUM = r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)"
_VAR = r"var\(\s*--[a-z][a-z0-9]*(?:-[a-z0-9]+)*\s*\)"
_UNITS = r"px|rem|em|ex|ch|lh|rlh|vw|vh|vmin|vmax|svh|lvh|dvh|cm|mm|q|in|pt|pc|%"
_DIMENSION = rf"{_NUM}(?:{_UNITS})"
_LENGTH_ATOM = rf"(?:{_DIMENSION}|0|{_VAR})"
# calc(): lengths, plain numbers and var() joined by + - * /, one level of parentheses; nothing else.
_CALC_ATOM = rf"(?:{_DIMENSION}|{_NUM}|{_VAR})"
_CALC_OP = r"(?:\s+[-+]\s+|\s*[*/]\s*)"
_CALC_TERM = rf"(?:{_CALC_ATOM}|\(\s*{_CALC_ATOM}(?:{_CALC_OP}{_CALC_ATOM})*\s*\))"
_CALC = rf"calc\(\s*{_CALC_TERM}(?:{_CALC_OP}{_CALC_TERM})*\s*\)"

_PERCENT_OR_NUM = rf"{_NUM}%?"
_SEP = r"(?:\s*,\s*|\s+)"
_ALPHA = rf"(?:\s*(?:,|/)\s*{_PERCENT_OR_NUM})?"
_RGB = rf"rgba?\(\s*{_PERCENT_OR_NUM}{_SEP}{_PERCENT_OR_NUM}{_SEP}{_PERCENT_OR_NUM}{_ALPHA}\s*\)"
_HSL = rf"hsla?\(\s*{_NUM}(?:deg|turn|rad|grad)?{_SEP}{_NUM}%{_SEP}{_NUM}%{_ALPHA}\s*\)"
_HEX = r"#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})"

NAMED_COLOURS = frozenset("""
aliceblue antiquewhite aqua aquamarine azure beige bisque black blanchedalmond blue blueviolet brown
burlywood cadetblue chartreuse chocolate coral cornflowerblue cornsilk crimson cyan darkblue darkcyan
darkgoldenrod darkgray darkgreen darkgrey darkkhaki darkmagenta darkolivegreen darkorange darkorchid
darkred darksalmon darkseagreen darkslateblue darkslategray darkslategrey darkturquoise darkviolet
deeppink deepskyblue dimgray dimgrey dodgerblue firebrick floralwhite forestgreen fuchsia gainsboro
ghostwhite gold goldenrod gray green greenyellow grey honeydew hotpink indianred indigo ivory khaki
lavender lavenderblush lawngreen lemonchiffon lightblue lightcoral lightcyan lightgoldenrodyellow
lightgray lightgreen lightgrey lightpink lightsalmon lightseagreen lightskyblue lightslategray
lightslategrey lightsteelblue lightyellow lime limegreen linen magenta maroon mediumaquamarine
mediumblue mediumorchid mediumpurple mediumseagreen mediumslateblue mediumspringgreen mediumturquoise
mediumvioletred midnightblue mintcream mistyrose moccasin navajowhite navy oldlace olive olivedrab
orange orangered orchid palegoldenrod palegreen paleturquoise palevioletred papayawhip peachpuff peru
pink plum powderblue purple rebeccapurple red rosybrown royalblue saddlebrown salmon sandybrown
seagreen seashell sienna silver skyblue slateblue slategray slategrey snow springgreen steelblue tan
teal thistle tomato turquoise violet wheat white whitesmoke yellow yellowgreen
transparent currentcolor
""".split())

_COLOUR_RE = re.compile(rf"{_HEX}|{_RGB}|{_HSL}|{_VAR}", re.IGNORECASE)
_LENGTH_RE = re.compile(rf"{_LENGTH_ATOM}|{_CALC}|auto|none|normal", re.IGNORECASE)
_NUMBER_RE = re.compile(rf"{_NUM}|{_VAR}", re.IGNORECASE)
_LINE_HEIGHT_RE = re.compile(rf"{_NUM}|{_LENGTH_ATOM}|{_CALC}|normal", re.IGNORECASE)
_FONT_WEIGHT_RE = re.compile(rf"[1-9]\d{{0,2}}|1000|normal|bold|bolder|lighter|{_VAR}", re.IGNORECASE)
# One family: words of letters/digits/hyphens separated by single spaces, or one quoted name of
# those characters. No other quote, no escape, so a value can never open a string that runs on.
_FAMILY = r"(?:[a-z][a-z0-9-]*(?: [a-z][a-z0-9-]*)*|'[a-z0-9][a-z0-9 -]*'|\"[a-z0-9][a-z0-9 -]*\")"
_FONT_FAMILY_RE = re.compile(rf"{_VAR}|{_FAMILY}(?:\s*,\s*{_FAMILY})*", re.IGNORECASE)

_KEYWORD_RE = re.compile(rf"[a-z][a-z-]{{0,40}}|{_VAR}", re.IGNORECASE)

_GRAMMARS = {COLOUR: _COLOUR_RE, LENGTH: _LENGTH_RE, NUMBER: _NUMBER_RE, LINE_HEIGHT: _LINE_HEIGHT_RE,
             FONT_WEIGHT: _FONT_WEIGHT_RE, FONT_FAMILY: _FONT_FAMILY_RE, KEYWORD: _KEYWORD_RE}
_CSS_FUNCTION_RE = re.compile(r"([a-z-]+)\s*\(", re.IGNORECASE)
_ALLOWED_FUNCTIONS = {"rgb", "rgba", "hsl", "hsla", "var", "calc"}


def _matches(kind: str, value: str) -> bool:
    if kind == COLOUR and value.lower() in NAMED_COLOURS:
        return True
    return bool(_GRAMMARS[kind].fullmatch(value))


def _why(kind: str, value: str):
    """The most useful reason a value of this type was refused."""
    functions = {f.lower() for f in _CSS_FUNCTION_RE.findall(value)} - _ALLOWED_FUNCTIONS
    if functions:
        return _("de functie %(f)s() is niet toegestaan; alleen rgb(), hsl(), var() en calc()") % {
            "f": sorted(functions)[0]}
    if "\\" in value:
        return _("een backslash (\\) is niet toegestaan")
    if any(c in value for c in ";{}<>@!"):
        return _("de tekens ; { } < > @ ! zijn niet toegestaan")
    return _("verwacht %(type)s") % {"type": TYPE_LABELS[kind]}


def check_token(name, value) -> tuple[str, str | None]:
    """(the value as it goes into CSS, None) or ("", the reason in Dutch) for one token."""
    if not isinstance(name, str) or len(name) > MAX_NAME_LENGTH or not TOKEN_NAME_RE.fullmatch(name):
        return "", str(_("geen geldige tokennaam; gebruik kleine letters, cijfers en streepjes, "
                         "beginnend met --, bv. --utrecht-heading-color"))
    kind = token_type(name)
    if kind is None:
        return "", str(_("onbekend soort token; de naam moet eindigen op bv. -color, -font-family, "
                         "-font-size, -font-weight, -line-height, -border-radius, -gap of -size"))
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return "", str(_("de waarde moet tekst of een getal zijn"))
    text = str(value).strip()
    if not text or len(text) > MAX_VALUE_LENGTH:
        return "", str(_("de waarde moet 1 tot %(n)d tekens lang zijn") % {"n": MAX_VALUE_LENGTH})
    if not _matches(kind, text):
        return "", str(_why(kind, text))
    return text, None


def clean_tokens(tokens) -> dict[str, str]:
    """The valid tokens only; anything else is dropped (data written outside the admin)."""
    if not isinstance(tokens, dict):
        return {}
    clean = {}
    for name, value in tokens.items():
        text, error = check_token(name, value)
        if error is None:
            clean[name] = text
    return clean


def validate_theme_tokens(tokens) -> None:
    """For forms: every refused token named, with what to do."""
    if not isinstance(tokens, dict):
        raise ValidationError(_("Geef de tokens als een object: {\"--naam-color\": \"#00566b\"}."),
                              code="invalid_tokens")
    errors = []
    for name, value in tokens.items():
        _text, error = check_token(name, value)
        if error is not None:
            errors.append(ValidationError(_("Token %(name)s: %(error)s."), code="invalid_token",
                                          params={"name": str(name)[:MAX_NAME_LENGTH], "error": error}))
    if errors:
        raise ValidationError(errors)
