"""Protection at rest, wired from settings: the sealer over the local keyring (infra/keyring.py),
the keyed hashes, and the at-rest job (domain/privacy/at_rest.py)."""

from __future__ import annotations

import base64

from app.settings import DEV_DATA_ENCRYPTION_KEYS, DEV_TAX_DATA_KEY, Settings
from domain.privacy.at_rest import AtRest
from domain.shared.sealing import LegacyVault, Pseudonyms, Sealer
from infra.keyring import LocalKeyring
from infra.keyring_settings import ProtectionSettings, data_keys


def make_sealer(settings: Settings) -> Sealer:
    """The local keyring of DATA_ENCRYPTION_KEYS; TAX_DATA_KEY only opens tax ids and document
    numbers sealed before envelope encryption (never the public development key in production)."""
    secret = settings.tax_data_key.get_secret_value()
    legacy = None if settings.is_production and secret == DEV_TAX_DATA_KEY else LegacyVault(base64.b64decode(secret))
    return Sealer(keyring(settings), legacy)


def keyring(settings: ProtectionSettings) -> LocalKeyring:
    return LocalKeyring(settings.data_keys, settings.data_encryption_active_kid)


def development_sealer() -> Sealer:
    """The public development keyring's sealer: what seeds use when handed none (never production)."""
    keys = data_keys(DEV_DATA_ENCRYPTION_KEYS)
    return Sealer(LocalKeyring(keys, next(iter(keys))), LegacyVault(base64.b64decode(DEV_TAX_DATA_KEY)))


def make_pseudonyms(settings: ProtectionSettings) -> Pseudonyms:
    return Pseudonyms(settings.pii_hash_key.get_secret_value().encode())


def make_at_rest(settings: Settings, sealer: Sealer, pseudonyms: Pseudonyms) -> AtRest:
    return AtRest(sealer, pseudonyms, batch_size=settings.at_rest_batch)
