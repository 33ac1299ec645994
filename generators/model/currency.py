"""ISO 4217 currency codes, for pay bands in any currency."""

from __future__ import annotations

from typing import Annotated

from pydantic import AfterValidator, Field, StringConstraints

from generators.errors import did_you_mean

#: The active codes of ISO 4217 (list one, 2025), including the fund and precious-metal
#: codes, without XTS (testing) and XXX (no currency). Standard Python has no such list.
_CODES = """
    AED AFN ALL AMD AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BOV BRL BSD
    BTN BWP BYN BZD CAD CDF CHE CHF CHW CLF CLP CNY COP COU CRC CUP CVE CZK DJF DKK DOP
    DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HTG HUF IDR ILS
    INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL
    LYD MAD MDL MGA MKD MMK MNT MOP MRU MUR MVR MWK MXN MXV MYR MZN NAD NGN NIO NOK NPR
    NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP
    SLE SOS SRD SSP STN SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD USN UYI
    UYU UYW UZS VED VES VND VUV WST XAD XAF XAG XAU XBA XBB XBC XBD XCD XCG XDR XOF XPD
    XPF XPT XSU XUA YER ZAR ZMW ZWG
"""
ISO_4217 = frozenset(_CODES.split())


def _known(code: str) -> str:
    if code not in ISO_4217:
        hint = (f"write it in capitals: '{code.upper()}'" if code.upper() in ISO_4217
                else did_you_mean(code, sorted(ISO_4217)))
        raise ValueError(f"'{code}' is not an ISO 4217 currency code"
                         + (f" ({hint})" if hint else ""))
    return code


CurrencyCode = Annotated[
    str, StringConstraints(min_length=1, max_length=20), AfterValidator(_known),
    Field(description="ISO 4217 currency code, e.g. 'USD', 'EUR' or 'JPY'.",
          json_schema_extra={"enum": sorted(ISO_4217)}),
]
