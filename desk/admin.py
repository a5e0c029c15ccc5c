"""``desk-admin``: administration commands (schema, demo, generator, journal, agents)."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Callable, Sequence

from alembic import command

from desk import __version__
from desk.clock import SystemClock
from desk.config import resolve_database_url
from desk.db.engine import Database, open_database
from desk.db.enums import Role
from desk.db.migrate import alembic_config, ensure_schema, schema_state
from desk.errors import DeskError
from desk.services.numbering import find_payment_of_receipt

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USER_ERROR = 2


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        return args.handler(args)
    except DeskError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        if error.hint:
            print(error.hint, file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Interrompu : rien n'a été enregistré.", file=sys.stderr)
        return EXIT_FAILED


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk-admin", description="Administration de desk.")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument(
        "--database-url",
        help="adresse SQLAlchemy de la base (sinon DESK_DATABASE_URL, sinon le fichier SQLite du poste)",
    )
    commands = parser.add_subparsers(title="commandes")

    db = commands.add_parser("db", help="schéma de la base").add_subparsers(title="actions")
    _command(db, "upgrade", "met la base au schéma de cette version", _db_upgrade)
    _command(db, "status", "affiche la version du schéma", _db_status)
    revision = _command(db, "revision", "(développeurs) crée une migration par comparaison aux modèles", _db_revision)
    revision.add_argument("-m", "--message", required=True)

    _command(commands, "demo", "charge les données de démonstration (sans doublon)", _demo)
    generate = _command(commands, "generate", "génère une ville à grande échelle pour les mesures", _generate)
    generate.add_argument("--families", type=int, required=True, help="nombre de familles")
    generate.add_argument("--seed", type=int, default=1, help="graine (même graine, mêmes données)")
    _command(commands, "expire-holds", "libère les places des réservations en attente expirées", _expire_holds)
    _command(commands, "verify-journal", "vérifie le chaînage du journal des règlements", _verify_journal)
    receipt = _command(commands, "receipt", "exporte un ticket de règlement en PDF (réimpression, archive)", _receipt)
    receipt.add_argument("number", help="numéro du ticket, par exemple 2026-000123")
    receipt.add_argument("--output", required=True, help="fichier PDF à écrire")
    receipt.add_argument("--format", choices=["ticket", "a4"], default="ticket", help="bande de 80 mm ou page A4")
    agent = _command(commands, "create-agent", "crée un agent (le mot de passe est demandé)", _create_agent)
    agent.add_argument("--login", required=True)
    agent.add_argument("--name", required=True, help="nom affiché")
    agent.add_argument("--role", choices=[role.value for role in Role], default=Role.AGENT.value)
    return parser


def _command(
    group: argparse._SubParsersAction, name: str, help_text: str, handler: Callable[[argparse.Namespace], int]
) -> argparse.ArgumentParser:
    sub = group.add_parser(name, help=help_text, description=help_text)
    sub.set_defaults(handler=handler)
    return sub


def _open(args: argparse.Namespace, *, upgrade: bool = True) -> Database:
    database = open_database(resolve_database_url(args.database_url))
    if upgrade:
        ensure_schema(database)
    return database


def _db_upgrade(args: argparse.Namespace) -> int:
    database = _open(args, upgrade=False)
    before = schema_state(database)
    after = ensure_schema(database)
    if before.current == after.current:
        print(f"{database.describe()} : déjà au schéma {after.current}.")
    else:
        print(f"{database.describe()} : schéma {before.current or 'vide'} → {after.current}.")
    return EXIT_OK


def _db_status(args: argparse.Namespace) -> int:
    database = _open(args, upgrade=False)
    state = schema_state(database)
    print(f"{database.describe()}")
    print(f"schéma de la base : {state.current or 'aucun'} ; schéma de cette version : {state.head} ({state.status.value})")
    return EXIT_OK


def _db_revision(args: argparse.Namespace) -> int:
    database = _open(args)
    config = alembic_config()
    with database.engine.begin() as connection:
        config.attributes["connection"] = connection
        command.revision(config, message=args.message, autogenerate=True)
    return EXIT_OK


def _demo(args: argparse.Namespace) -> int:
    from desk.services.demo import load_demo

    database = _open(args)
    with database.session_factory.begin() as session:
        report = load_demo(session, SystemClock())
    print(report.summary())
    return EXIT_OK


def _generate(args: argparse.Namespace) -> int:
    from desk.services.scale_data import generate_town

    if args.families < 1:
        print("Erreur : --families doit être un nombre positif.", file=sys.stderr)
        return EXIT_USER_ERROR
    database = _open(args)
    with database.session_factory.begin() as session:
        report = generate_town(
            session, SystemClock(), families=args.families, seed=args.seed,
            progress=lambda message: print(message, flush=True),
        )
    print(f"{database.describe()} : {report.summary()}.")
    return EXIT_OK


def _expire_holds(args: argparse.Namespace) -> int:
    from desk.services.basket import expire_holds

    database = _open(args)
    with database.session_factory.begin() as session:
        report = expire_holds(session, SystemClock().now())
    print(f"{report.bookings_expired} réservation(s) en attente expirée(s), "
          f"places libérées sur {len(report.places_freed)} journée(s).")
    return EXIT_OK


def _verify_journal(args: argparse.Namespace) -> int:
    from desk.services.journal import verify_journal

    database = _open(args)
    with database.read_session_factory() as session:
        result = verify_journal(session)
    if result.ok:
        print(f"Journal intègre : {result.entries_checked} écritures vérifiées.")
        return EXIT_OK
    print(f"Journal altéré : {result.problem}.", file=sys.stderr)
    print(f"{result.entries_checked} écritures vérifiées avant l'écriture n° {result.first_bad_sequence}.", file=sys.stderr)
    return EXIT_FAILED


def _receipt(args: argparse.Namespace) -> int:
    from pathlib import Path

    from desk.services.documents import receipt_document
    from desk.services.numbering import parse_receipt_code
    from reports.ticket import ticket_80mm, ticket_a4

    year, number = parse_receipt_code(args.number)
    database = _open(args)
    with database.read_session_factory() as session:
        payment_id = find_payment_of_receipt(session, year, number)
        document = receipt_document(session, payment_id)
    pdf = (ticket_a4 if args.format == "a4" else ticket_80mm)(document)
    try:
        Path(args.output).write_bytes(pdf)
    except OSError as error:
        raise DeskError(f"Impossible d'écrire « {args.output} » ({error.strerror}).", "Choisissez un autre fichier.") from error
    print(f"Ticket {document.code} écrit dans {args.output}.")
    return EXIT_OK


def _create_agent(args: argparse.Namespace) -> int:
    from desk.services.agents import create_agent

    password = getpass.getpass("Mot de passe : ")
    if password != getpass.getpass("Mot de passe (confirmation) : "):
        print("Erreur : les deux mots de passe diffèrent ; aucun agent créé.", file=sys.stderr)
        return EXIT_USER_ERROR
    database = _open(args)
    with database.session_factory.begin() as session:
        agent = create_agent(
            session, SystemClock(), login=args.login, display_name=args.name, password=password, role=Role(args.role)
        )
    print(f"Agent « {agent.login} » créé ({agent.role.value}).")
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
