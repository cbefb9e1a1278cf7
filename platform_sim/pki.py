"""The simulator's key material, generated into its data directory on first start.

- ``ca.pem`` / ``ca-key.pem``: a private CA the kiosk trusts (``[platform] ca_file``).
- ``server.pem`` / ``server-key.pem``: the HTTPS certificate for 127.0.0.1 and localhost.
- ``terminal.pem`` / ``terminal-key.pem``: a client certificate for mTLS (``--mtls``).
- ``terminal.secret``: the terminal's HMAC secret (hex, mode 0600, ``[platform] secret_file``).

Files that already exist are kept, so the kiosk's trust and secret survive restarts.
"""

from __future__ import annotations

import ipaddress
import os
import secrets
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

CERT_VALIDITY = timedelta(days=3650)


@dataclass(frozen=True)
class KeyMaterial:
    """Paths of the generated files and the terminal secret's bytes."""

    ca_file: Path
    server_cert: Path
    server_key: Path
    client_cert: Path
    client_key: Path
    secret_file: Path
    secret: bytes


def _write_private(path: Path, data: bytes) -> None:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    path.chmod(0o600)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _name(common_name: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Simulated government platform"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _issue(
    subject: str,
    key: ec.EllipticCurvePrivateKey,
    issuer: x509.Certificate | None,
    issuer_key: ec.EllipticCurvePrivateKey,
    extensions: list[tuple[x509.ExtensionType, bool]],
) -> x509.Certificate:
    now = datetime.now(UTC)
    builder = (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(issuer.subject if issuer is not None else _name(subject))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(days=1))
        .not_valid_after(now + CERT_VALIDITY)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    if issuer is not None:
        builder = builder.add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(issuer_key.public_key()), False
        )
    for extension, critical in extensions:
        builder = builder.add_extension(extension, critical)
    return builder.sign(issuer_key, hashes.SHA256())


def _leaf(
    ca: x509.Certificate,
    ca_key: ec.EllipticCurvePrivateKey,
    subject: str,
    usage: x509.ObjectIdentifier,
    names: list[x509.GeneralName],
) -> tuple[x509.Certificate, ec.EllipticCurvePrivateKey]:
    key = ec.generate_private_key(ec.SECP256R1())
    extensions: list[tuple[x509.ExtensionType, bool]] = [
        (x509.BasicConstraints(ca=False, path_length=None), True),
        (x509.ExtendedKeyUsage([usage]), False),
    ]
    if names:
        extensions.append((x509.SubjectAlternativeName(names), False))
    return _issue(subject, key, ca, ca_key, extensions), key


def ensure_key_material(data_dir: Path, terminal_id: str) -> KeyMaterial:
    """Create whatever is missing in ``data_dir`` and return the paths and the secret."""
    data_dir.mkdir(parents=True, exist_ok=True)
    material = KeyMaterial(
        ca_file=data_dir / "ca.pem",
        server_cert=data_dir / "server.pem",
        server_key=data_dir / "server-key.pem",
        client_cert=data_dir / "terminal.pem",
        client_key=data_dir / "terminal-key.pem",
        secret_file=data_dir / "terminal.secret",
        secret=b"",
    )
    ca_key_file = data_dir / "ca-key.pem"
    if not (material.ca_file.exists() and ca_key_file.exists()):
        ca_key = ec.generate_private_key(ec.SECP256R1())
        ca = _issue(
            "Simulated platform CA",
            ca_key,
            None,
            ca_key,
            [
                (x509.BasicConstraints(ca=True, path_length=0), True),
                (
                    x509.KeyUsage(
                        digital_signature=True,
                        content_commitment=False,
                        key_encipherment=False,
                        data_encipherment=False,
                        key_agreement=False,
                        key_cert_sign=True,
                        crl_sign=True,
                        encipher_only=False,
                        decipher_only=False,
                    ),
                    True,
                ),
            ],
        )
        _write_private(ca_key_file, _key_pem(ca_key))
        material.ca_file.write_bytes(ca.public_bytes(serialization.Encoding.PEM))
        for stale in (material.server_cert, material.client_cert):
            stale.unlink(missing_ok=True)
    ca = x509.load_pem_x509_certificate(material.ca_file.read_bytes())
    loaded_key = serialization.load_pem_private_key(ca_key_file.read_bytes(), password=None)
    if not isinstance(loaded_key, ec.EllipticCurvePrivateKey):
        raise ValueError(f"{ca_key_file} is not an EC private key")
    if not material.server_cert.exists():
        cert, key = _leaf(
            ca,
            loaded_key,
            "127.0.0.1",
            ExtendedKeyUsageOID.SERVER_AUTH,
            [
                x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
                x509.DNSName("localhost"),
            ],
        )
        _write_private(material.server_key, _key_pem(key))
        material.server_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    if not material.client_cert.exists():
        cert, key = _leaf(ca, loaded_key, terminal_id, ExtendedKeyUsageOID.CLIENT_AUTH, [])
        _write_private(material.client_key, _key_pem(key))
        material.client_cert.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    if not material.secret_file.exists():
        _write_private(material.secret_file, secrets.token_hex(32).encode("ascii") + b"\n")
    secret = material.secret_file.read_bytes().strip()
    return replace(material, secret=secret)
