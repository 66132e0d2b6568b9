"""Lexicons and small parsers for quantities: number words, scales, currencies, hedges, units."""

from __future__ import annotations

import re
from decimal import Decimal

SMALL = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "a": 1, "an": 1, "dozen": 12,
}
SCALES = {"thousand": 10**3, "million": 10**6, "billion": 10**9, "trillion": 10**12}
SCALE_ABBREVIATIONS = {"k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6, "bn": 10**9, "b": 10**9, "tn": 10**12}

_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
_UNITS = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|zero"
WORD_NUMBER = (
    rf"(?:(?:{_TENS})(?:[-\s](?:{_UNITS})\b)?|{_UNITS}|{_TEENS}|a\s+dozen|an?\s+(?:hundred|thousand|million|billion))"
    r"(?:\s+(?:hundred|thousand|million|billion|trillion|dozen)\b)*"
)

# "hundreds of people": the smallest amount the plural can mean, hedged "at least".
VAGUE_COUNTS = {
    "dozens": 24, "scores": 40, "hundreds": 200, "thousands": 2000, "millions": 2 * 10**6,
    "billions": 2 * 10**9, "tens of thousands": 20000, "hundreds of thousands": 200000,
    "tens of millions": 2 * 10**7, "hundreds of millions": 2 * 10**8,
}
VAGUE = r"(?:(?:tens|hundreds)\s+of\s+(?:thousands|millions)|dozens|hundreds|thousands|millions|billions)"

FRACTIONS = {
    "half": 0.5, "halves": 0.5, "third": 1 / 3, "thirds": 1 / 3, "quarter": 0.25, "quarters": 0.25,
    "fifth": 0.2, "fifths": 0.2, "tenth": 0.1, "tenths": 0.1,
}
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3}
# "half of" alone is a claim only after a hedge ("nearly half of voters"): see reader.core.numbers._fraction.
FRACTION = r"(?:(?:one|two|three|four|a)[-\s](?:halves|half|thirds?|quarters?|fifths?|tenths?)|half)(?=\s+of\b)"

CURRENCY_SYMBOLS = {
    "$": "USD", "US$": "USD", "C$": "CAD", "A$": "AUD", "NZ$": "NZD", "HK$": "HKD",
    "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₽": "RUB", "₴": "UAH",
}
CURRENCY_CODES = ("USD", "EUR", "GBP", "JPY", "RUB", "UAH", "CNY", "INR", "CHF", "CAD", "AUD")
CURRENCY_WORDS = {
    "dollar": "USD", "dollars": "USD", "euro": "EUR", "euros": "EUR", "pounds sterling": "GBP",
    "sterling": "GBP", "yen": "JPY", "yuan": "CNY", "renminbi": "CNY", "ruble": "RUB", "rubles": "RUB",
    "rouble": "RUB", "roubles": "RUB", "hryvnia": "UAH", "hryvnias": "UAH", "hryvnia's": "UAH",
    "hryvnya": "UAH", "rupee": "INR", "rupees": "INR", "shekel": "ILS", "shekels": "ILS", "francs": "CHF",
    "lei": "RON", "leu": "RON", "zloty": "PLN", "zlotys": "PLN", "zlotych": "PLN", "forint": "HUF",
    "forints": "HUF", "koruna": "CZK", "korunas": "CZK", "korun": "CZK", "krona": "SEK", "kronor": "SEK",
    "krone": "NOK", "kroner": "NOK", "rand": "ZAR", "naira": "NGN",
    "dinar": "IQD", "dinars": "IQD", "dirham": "AED", "dirhams": "AED", "riyal": "SAR", "riyals": "SAR",
    "rial": "IRR", "rials": "IRR", "baht": "THB", "ringgit": "MYR", "rupiah": "IDR", "lira": "TRY",
    "liras": "TRY", "lire": "ITL", "tenge": "KZT", "lari": "GEL", "dram": "AMD", "som": "KGS",
    "won": "KRW", "real": "BRL", "reais": "BRL", "reals": "BRL", "sol": "PEN", "soles": "PEN",
    "peso": "MXN", "pesos": "MXN",
}
# A currency named with its country's adjective ("Danish kroner", "Mexican pesos"); the bare word maps to one of them.
_NATIONAL_CURRENCIES = {
    "Canadian dollar": "CAD", "Australian dollar": "AUD", "New Zealand dollar": "NZD", "Hong Kong dollar": "HKD",
    "Singapore dollar": "SGD", "Taiwan dollar": "TWD", "Swiss franc": "CHF", "Danish krone": "DKK",
    "Norwegian krone": "NOK", "Swedish krona": "SEK", "Icelandic krona": "ISK", "Czech koruna": "CZK",
    "Argentine peso": "ARS", "Chilean peso": "CLP", "Colombian peso": "COP", "Philippine peso": "PHP",
    "Mexican peso": "MXN", "Serbian dinar": "RSD", "Jordanian dinar": "JOD", "Kuwaiti dinar": "KWD",
    "Algerian dinar": "DZD", "Tunisian dinar": "TND", "Libyan dinar": "LYD", "Moroccan dirham": "MAD",
    "Qatari riyal": "QAR", "Omani rial": "OMR", "Yemeni rial": "YER", "Iranian rial": "IRR", "Kenyan shilling": "KES",
    "Ugandan shilling": "UGX", "Tanzanian shilling": "TZS", "Somali shilling": "SOS", "Pakistani rupee": "PKR",
    "Sri Lankan rupee": "LKR", "Nepalese rupee": "NPR", "Egyptian pound": "EGP", "North Korean won": "KPW",
    "Uzbek som": "UZS", "Moldovan leu": "MDL", "Turkish lira": "TRY", "Brazilian real": "BRL",
    "South African rand": "ZAR", "British pound": "GBP", "Japanese yen": "JPY", "Chinese yuan": "CNY",
    "Indian rupee": "INR", "Russian ruble": "RUB", "Ukrainian hryvnia": "UAH", "Israeli shekel": "ILS",
    "Polish zloty": "PLN", "Hungarian forint": "HUF", "Romanian leu": "RON", "Nigerian naira": "NGN",
    "Thai baht": "THB", "Malaysian ringgit": "MYR", "Indonesian rupiah": "IDR", "Saudi riyal": "SAR",
    "Iraqi dinar": "IQD", "South Korean won": "KRW", "Kazakh tenge": "KZT", "Georgian lari": "GEL",
    "Armenian dram": "AMD", "Peruvian sol": "PEN", "Emirati dirham": "AED", "Kyrgyz som": "KGS",
}
_NATIONAL_PLURALS = {
    "dollar": ("dollars",), "franc": ("francs",), "krone": ("kroner",), "krona": ("kronor",),
    "koruna": ("korun", "korunas"), "peso": ("pesos",), "dinar": ("dinars",), "dirham": ("dirhams",),
    "riyal": ("riyals",), "rial": ("rials",), "shilling": ("shillings",), "rupee": ("rupees",),
    "pound": ("pounds",), "won": (), "som": (), "leu": ("lei",), "lira": ("liras",), "real": ("reais",),
    "rand": (), "yen": (), "yuan": (), "ruble": ("rubles",), "hryvnia": ("hryvnias",), "shekel": ("shekels",),
    "zloty": ("zlotys",), "forint": ("forints",), "naira": (), "baht": (), "ringgit": (), "rupiah": (),
    "tenge": (), "lari": (), "dram": (), "sol": ("soles",),
}
for _name, _code in _NATIONAL_CURRENCIES.items():
    _adjective, _, _noun = _name.rpartition(" ")
    for _form in (_noun, *_NATIONAL_PLURALS[_noun]):
        CURRENCY_WORDS[f"{_adjective.lower()} {_form}"] = _code
# Currency words that are also names or ordinary English: money only in lower case ("Rand", "Som" are names),
# and the verb or adjective ones only after a scale word ("20 million won", not "3 won" or "20 real problems").
CASED_CURRENCY_WORDS = frozenset("won real sol rand dram som".split())
SCALED_CURRENCY_WORDS = frozenset("won real sol".split())

HEDGES = (
    "no more than", "no fewer than", "no less than", "in excess of", "upwards of", "just over",
    "just under", "well over", "well above", "well below", "just above", "just below", "more than",
    "less than", "fewer than", "greater than", "as many as", "as much as", "as few as", "as little as",
    "up to", "at least", "at most", "close to", "an estimated", "estimated", "approximately", "approx.",
    "roughly", "around", "about", "nearly", "almost", "over", "under", "some", "above", "below",
)
HEDGE_SET = frozenset(HEDGES)

# Head nouns of counts that do not end in -s.
IRREGULAR_PLURALS = frozenset(
    "people men women children personnel police staff cattle feet teeth mice geese crew data media "
    "sheep fish aircraft livestock militia infantry clergy offspring".split()
)
MEASURES = frozenset(
    "km km2 sq mi mph kph km/h kg g mg lb lbs oz t mt ft in cm mm m2 ha bpd mw gw kw kwh gwh mwh twh "
    "°c °f percent kilometer kilometre kilometers kilometres mile miles meter metre meters metres foot "
    "inch inches yard yards acre acres hectare hectares tonne tonnes ton tons kilogram kilograms gram "
    "grams pound litre liter litres liters gallon gallons barrel barrels degree degrees".split()
)
# Words ending in -s that are not plural nouns.
NOT_PLURAL = frozenset("news series species always perhaps whereas besides thus plus minus towards".split())
# Singular units that make a compound modifier even without the hyphen ("a 60 second ad").
SINGULAR_UNITS = frozenset(
    "second minute hour day week month year decade mile point foot meter metre kilometer kilometre "
    "inch yard acre hectare ton tonne pound gallon barrel degree".split()
)
# Words that never head or open a counted noun phrase: the unit stops before them.
STOP_WORDS = frozenset(
    "a an the of in on at to for from by with and or but nor as than that this these those which who "
    "whom whose what were was is are be been being has have had having will would could should may "
    "might must can cannot did do does done not no its it his her their our your my per each every "
    "since after before during into onto over under about across between through toward towards "
    "against including said says say told according while when where if so also only alone ago "
    "there here then than yet still just even already more less most least all both some any such "
    "who whose whom they them we he she i you us him me out up down off away back again later earlier "
    "apiece each percent".split()
)
MODIFIERS = frozenset(
    "more fewer other additional new extra further total estimated reported known confirmed separate "
    "different such former current remaining".split()
)
# What happened to a counted group, kept in its unit ("service members captive", "people killed").
OUTCOMES = frozenset(
    "killed dead wounded injured hurt captured captive missing arrested detained displaced evacuated "
    "rescued freed released deported hospitalized hospitalised infected stranded trapped homeless "
    "unemployed".split()
)
# Nouns before a number that make it a name or a reference, not a quantity ("Article 5").
REFERENCE_NOUNS = frozenset(
    "article section chapter page pages p. pp. paragraph resolution rule item line number no. nos. "
    "room gate platform route highway interstate flight tier level phase stage season episode volume "
    "vol. issue version ver. v. model building block apartment suite channel district precinct ward "
    "lot box code bill amendment clause case docket file ticket ref. reference id serial grade class "
    "category type mark series batch step act part figure fig. table exhibit annex appendix session "
    "row seat bus train question option proposition prop. measure track verse psalm lane pier "
    "terminal hangar unit squad cell floor division regiment brigade battalion corps".split()
)
# Capitalised words that may open a sentence before a number without naming anything.
COMMON_CAPITALISED = frozenset(
    "the a an in on at about over some nearly around only just of for with by from and but or after "
    "before since during another all almost until when while than more less up to as least roughly "
    "approximately estimated these those their its his her our we they he she it there here among "
    "within between including exactly precisely overall total killed wounded injured".split()
)


def parse_digits(raw: str) -> float | None:
    """``"1,100"`` -> 1100.0; ``"3.5"`` -> 3.5; None when not a number."""
    try:
        return float(raw.replace(",", ""))  # correctly rounded, as float(Decimal(...)) is
    except ValueError:
        return None


def scaled(value: float, factor: int) -> float:
    """``value * factor`` without binary noise (1.1 million is 1100000, not 1100000.0000000002)."""
    return float(Decimal(repr(value)) * factor)


_WORD_SEPARATORS = re.compile(r"[\s-]+")

def parse_words(raw: str) -> float | None:
    """``"twenty-five"`` -> 25; ``"two hundred thousand"`` -> 200000; ``"a dozen"`` -> 12."""
    total = current = 0
    seen = False
    for token in _WORD_SEPARATORS.split(raw.lower()):
        if token in SMALL:
            current = current * SMALL[token] if token == "dozen" and current else current + SMALL[token]
            seen = True
        elif token == "hundred":
            current = (current or 1) * 100
        elif token in SCALES:
            total += (current or 1) * SCALES[token]
            current = 0
        elif token:
            return None
    return float(total + current) if seen else None


def is_plural_noun(word: str) -> bool:
    """A rough test for a plural noun: ``soldiers``, ``people``; not ``across``, ``bonus``, ``its``."""
    low = word.lower()
    if low in IRREGULAR_PLURALS or (low.endswith("men") and len(low) > 4 and low.isalpha()):
        return True  # gunmen, fishermen, congressmen
    if low in STOP_WORDS or len(low) < 3 or not low.endswith("s"):
        return False
    if "-" in word and word.rsplit("-", 1)[1][:1].isupper():
        return False  # "pro-Sanders", "anti-Brexit": adjectives
    return low not in NOT_PLURAL and not low.endswith(("ss", "us", "is", "ous", "'s", "’s"))
