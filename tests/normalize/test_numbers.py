import pytest

from celltx.normalize.numbers import multiplier, parse_amount, parse_comparator, parse_number


@pytest.mark.parametrize(
    "text, expected",
    [("17.9", 17.9), ("1,500", 1500.0), ("four", 4.0), ("twenty-four", 24.0), ("10^6", 1e6), ("x", None)],
)
def test_parse_number(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize(
    "text, factor",
    [("×10^6", 1e6), ("x106", 1e6), ("×107", 1e7), ("*10E6", 1e6), ("x 10(6)", 1e6), ("×10⁶", 1e6), (" million", 1e6),
     ("E+06", 1e6), ("e7", 1e7), ("x 10exp6", 1e6), ("× 10^+6", 1e6)],
)
def test_multiplier_forms_including_lost_superscripts(text, factor):
    assert multiplier(text)[0] == factor


@pytest.mark.parametrize(
    "text, low, high, rest",
    [
        ("0.5-1.0×106 cells/kg", 5e5, 1e6, "cells/kg"),
        ("30–50 million MSCs", 3e7, 5e7, "MSCs"),
        ("0.5\\*10E6 MSC/kg body", 5e5, 5e5, "MSC/kg body"),
        ("between 1 and 2 x 10(6) cells", 1e6, 2e6, "cells"),
        ("50 ml", 50.0, 50.0, "ml"),
        ("1.0E+06 cells/kg", 1e6, 1e6, "cells/kg"),  # before: 1.0, the mantissa alone
        ("2.0 E+07 cells", 2e7, 2e7, "cells"),
        ("1 x 10exp6 cells/kg", 1e6, 1e6, "cells/kg"),
    ],
)
def test_parse_amount_applies_multiplier_to_both_ends(text, low, high, rest):
    assert parse_amount(text) == (low, high, rest)


def test_comparator_forms():
    assert parse_comparator("≥10") == (">=", "10")
    assert parse_comparator("<= 5")[0] == "<="
    assert parse_comparator(">/= 3")[0] == ">=" and parse_comparator("</=1.5")[0] == "<="  # typed in plain text
    assert parse_comparator("10") == (None, "10")
