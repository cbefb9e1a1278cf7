"""The signing the client relies on, against published vectors.

HMAC-SM3 vectors are those of GM/T 0042-2015 (密码杂凑算法 HMAC), appendix D.3.
"""

from __future__ import annotations

import pytest

from platform_api.signing import SignAlg, canonical_string, mac, signature, sm3_hmac

GM_T_0042_D3 = [
    (
        bytes(range(1, 33)),
        b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq" * 2,
        "ca05e144ed05d1857840d1f318a4a8669e559fc8391f414485bfdf7bb408963a",
    ),
    (
        bytes(range(1, 38)),
        b"\xcd" * 50,
        "220bf579ded555393f0159f66c99877822a3ecf610d1552154b41d44b94db3ae",
    ),
    (
        b"\x0b" * 32,
        b"Hi There",
        "c0ba18c68b90c88bc07de794bfc7d2c8d19ec31ed8773bc2b390c9604e0be11e",
    ),
    (
        b"Jefe",
        b"what do ya want for nothing?",
        "2e87f1d16862e6d964b50a5200bf2b10b764faa9680a296a2405f24bec39f882",
    ),
]


@pytest.mark.parametrize(("key", "message", "expected"), GM_T_0042_D3)
def test_sm3_hmac_matches_gm_t_0042_appendix_d3(key: bytes, message: bytes, expected: str) -> None:
    assert sm3_hmac(key, message).hex() == expected
    assert mac(SignAlg.SM3_HMAC, key, message).hex() == expected


def test_hmac_sha256_matches_rfc_4231_case_2() -> None:
    expected = "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"
    assert mac(SignAlg.HMAC_SHA256, b"Jefe", b"what do ya want for nothing?").hex() == expected


def test_canonical_string_is_the_contracts_five_lines() -> None:
    text = canonical_string("get", "/api/v1/catalogue?region=330109", "T", "N", b"")
    assert text.split("\n") == [
        "GET",
        "/api/v1/catalogue?region=330109",
        "T",
        "N",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    ]


def test_signature_is_base64_of_the_mac() -> None:
    sig = signature(SignAlg.HMAC_SHA256, b"k", "POST", "/p", "T", "N", b"{}")
    assert len(sig) == 44 and sig.endswith("=")
