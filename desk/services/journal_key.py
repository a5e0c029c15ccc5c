"""The journal key: the secret that seals the payment journal, kept by the desks, never by the database.

Anyone with write access to the database can recompute a sha256 chain; nobody
without this key can compute the seals (HMAC-SHA256 of each entry's hash), so
rewriting the journal with recomputed hashes shows. Every desk of a town
needs the same key: the first desk that writes to an empty journal creates it
in its configuration folder, and the administrator copies that file to the
other desks (README, *Deploying*). A desk with another key, or none, refuses
to write to a journal it cannot continue, rather than write seals that would
later read as forgeries.

``DESK_JOURNAL_KEY`` (hex) overrides the file, for tests and scripted installs;
``DESK_JOURNAL_KEY_FILE`` moves the file.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from platformdirs import user_config_path

from desk.errors import DeskError

KEY_ENV = "DESK_JOURNAL_KEY"
KEY_FILE_ENV = "DESK_JOURNAL_KEY_FILE"
KEY_BYTES = 32


@dataclass(frozen=True)
class JournalKey:
    secret: bytes

    def seal(self, entry_hash: str) -> str:
        return hmac.new(self.secret, entry_hash.encode("ascii"), hashlib.sha256).hexdigest()

    def seals(self, entry_hash: str, seal: str | None) -> bool:
        return seal is not None and hmac.compare_digest(self.seal(entry_hash), seal)

    @classmethod
    def from_hex(cls, text: str, where: str) -> JournalKey:
        try:
            secret = bytes.fromhex(text.strip())
        except ValueError:
            secret = b""
        if len(secret) < KEY_BYTES:
            raise DeskError(f"La clé du journal ({where}) est illisible : {KEY_BYTES * 2} chiffres hexadécimaux attendus.",
                            "Recopiez le fichier de clé depuis un autre poste de la régie.")
        return cls(secret)


class MissingJournalKeyError(DeskError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            "Ce poste n'a pas la clé du journal des règlements : il ne peut rien encaisser ni clôturer "
            "sur cette base, dont le journal a été commencé par un autre poste.",
            f"Copiez le fichier « {path.name} » d'un poste de la régie vers « {path} », puis relancez desk.",
        )


def key_file() -> Path:
    override = os.environ.get(KEY_FILE_ENV)
    if override:
        return Path(override).expanduser()
    return user_config_path("desk", "GuichetUnique", roaming=False) / "journal.key"


def configured_key() -> JournalKey | None:
    """This desk's key, or None when it has none."""
    text = os.environ.get(KEY_ENV)
    if text:
        return JournalKey.from_hex(text, KEY_ENV)
    path = key_file()
    try:
        return JournalKey.from_hex(path.read_text(encoding="ascii"), str(path))
    except FileNotFoundError:
        return None
    except (OSError, UnicodeDecodeError) as error:
        raise DeskError(f"La clé du journal « {path} » ne peut pas être lue ({error}).",
                        "Vérifiez les droits sur ce fichier ou recopiez-le depuis un autre poste.") from error


def create_key() -> JournalKey:
    """A new key in this desk's configuration folder, readable by its user only."""
    path = key_file()
    secret = secrets.token_bytes(KEY_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:  # another process of this desk created it meanwhile
        key = configured_key()
        assert key is not None
        return key
    except OSError as error:
        raise DeskError(f"Impossible de créer la clé du journal « {path} » ({error.strerror}).",
                        "Vérifiez les droits sur le dossier de configuration de desk.") from error
    with os.fdopen(descriptor, "w", encoding="ascii") as file:
        file.write(secret.hex() + "\n")
    return JournalKey(secret)


def missing_key_error() -> MissingJournalKeyError:
    return MissingJournalKeyError(key_file())
