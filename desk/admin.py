"""``desk-admin``: administration commands (schema, demo, generator, journal, régie, agents)."""

from __future__ import annotations

import argparse
import getpass
import logging
import sys
from collections.abc import Callable, Sequence
from datetime import date

from alembic import command

from desk import __version__
from desk.clock import SystemClock
from desk.config import data_dir, resolve_database_url
from desk.db.engine import Database, database_failures_explained, normalise_url, open_database
from desk.db.enums import Role
from desk.db.migrate import alembic_config, ensure_schema, schema_state
from desk.errors import DatabaseMissingError, DeskError
from desk.money import format_cents
from desk.services.access import Actor
from desk.services.numbering import find_payment_of_receipt

EXIT_OK = 0
EXIT_FAILED = 1
EXIT_USER_ERROR = 2
# Whoever runs desk-admin on a machine of the régie acts with no agent account; the audit trail names the command.
ADMIN_ACTOR = Actor(None, Role.ADMIN, "desk-admin")


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USER_ERROR
    try:
        with database_failures_explained(normalise_url(resolve_database_url(args.database_url))):
            return args.handler(args)
    except DeskError as error:
        print(f"Erreur : {error.message}", file=sys.stderr)
        if error.hint:
            print(error.hint, file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("Interrompu : rien n'a été enregistré.", file=sys.stderr)
        return EXIT_FAILED
    except Exception as error:  # a bug: its details go to the log, never a traceback on the terminal
        print(f"Erreur inattendue : la commande n'a pas abouti ({type(error).__name__}).", file=sys.stderr)
        print(_log_unexpected(error), file=sys.stderr)
        return EXIT_FAILED


def _log_unexpected(error: Exception) -> str:
    """Write the details of ``error`` to the data folder's log; say where, for the terminal."""
    log_file = data_dir() / "desk.log"
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.FileHandler(log_file, encoding="utf-8")
    except OSError:
        return f"Détail : {error}"
    handler.setFormatter(logging.Formatter("%(asctime)s %(name)s: %(message)s"))
    logger = logging.getLogger("desk.admin")
    logger.addHandler(handler)
    try:
        logger.error("desk-admin: unexpected error", exc_info=error)
    finally:
        logger.removeHandler(handler)
        handler.close()
    return f"Les détails sont dans {log_file}."


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="desk-admin", description="Administration de desk.")
    parser.add_argument("--version", action="version", version=f"desk {__version__}")
    parser.add_argument(
        "--database-url",
        help="adresse SQLAlchemy de la base (sinon DESK_DATABASE_URL, sinon le fichier SQLite du poste)",
    )
    commands = parser.add_subparsers(title="commandes")

    db = commands.add_parser("db", help="schéma de la base").add_subparsers(title="actions")
    upgrade = _command(db, "upgrade", "met la base au schéma de cette version", _db_upgrade)
    upgrade.add_argument("--create", action="store_true",
                         help="crée une base neuve si le fichier SQLite n'existe pas ou est vide")
    _command(db, "status", "affiche la version du schéma", _db_status)
    revision = _command(db, "revision", "(développeurs) crée une migration par comparaison aux modèles", _db_revision)
    revision.add_argument("-m", "--message", required=True)

    _command(commands, "demo", "charge les données de démonstration (sans doublon)", _demo)
    generate = _command(commands, "generate", "génère une ville à grande échelle pour les mesures", _generate)
    generate.add_argument("--families", type=int, required=True, help="nombre de familles")
    generate.add_argument("--seed", type=int, default=1, help="graine (même graine, mêmes données)")
    _command(commands, "expire-holds", "libère les places des réservations en attente expirées", _expire_holds)
    verify = _command(commands, "verify-journal", "vérifie le journal des règlements et ce qu'il garantit",
                      _verify_journal)
    verify.add_argument("--anchor", action="append", default=[], metavar="N:EMPREINTE",
                        help="empreinte imprimée sur un journal de caisse, par exemple 1234:3f2a9c0d81e5b7a4 "
                             "(autant de fois qu'il y a de journaux)")
    reconcile = _command(commands, "reconcile-online",
                         "demande au service PayFiP le résultat des paiements en ligne en attente", _reconcile_online)
    reconcile.add_argument("--payfip-url", default=None,
                           help="adresse du service PayFiP (défaut : DESK_PAYFIP_URL, sinon le simulateur local "
                                "http://127.0.0.1:8765)")
    receipt = _command(commands, "receipt", "réimprime un ticket de règlement, en PDF ou sur l'imprimante de tickets "
                       "(duplicata enregistré)", _receipt)
    receipt.add_argument("number", help="numéro du ticket, par exemple 2026-000123")
    where = receipt.add_mutually_exclusive_group(required=True)
    where.add_argument("--output", help="fichier PDF à écrire")
    where.add_argument("--escpos", metavar="ADRESSE",
                       help="imprimante ESC/POS : tcp://hôte:9100, usb://04b8:0202, serial:///dev/ttyUSB0, file:///dev/usb/lp0")
    receipt.add_argument("--format", choices=["ticket", "a4"], default="ticket", help="bande de 80 mm ou page A4 (PDF)")
    receipt.add_argument("--columns", type=int, choices=[42, 48], default=48,
                         help="caractères par ligne de l'imprimante de tickets")
    remittance = _command(commands, "cheque-remittance",
                          "remet à la banque les chèques détenus : bordereau de remise en PDF", _cheque_remittance)
    remittance.add_argument("--output", required=True, help="fichier PDF du bordereau")
    versement = _command(commands, "versement", "verse au comptable les recettes d'une période : bordereau en PDF",
                         _versement)
    versement.add_argument("--from", dest="first", required=True, type=_day, metavar="AAAA-MM-JJ",
                           help="premier jour de la période")
    versement.add_argument("--to", dest="last", required=True, type=_day, metavar="AAAA-MM-JJ",
                           help="dernier jour de la période (au plus tard hier)")
    versement.add_argument("--output", required=True, help="fichier PDF du bordereau de versement")
    recettes = _command(commands, "recettes", "état justificatif des recettes d'un mois, pour l'ordonnateur",
                        _recettes)
    recettes.add_argument("--month", required=True, type=_month, metavar="AAAA-MM", help="le mois, par exemple 2026-11")
    recettes.add_argument("--output", required=True, help="fichier à écrire : .csv (UTF-8, « ; ») ou .pdf")
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


def _open(args: argparse.Namespace, *, upgrade: bool = True, create: bool = False) -> Database:
    url = resolve_database_url(args.database_url)
    try:
        database = open_database(url, create=create)
    except DatabaseMissingError as missing:
        raise DatabaseMissingError(
            f"{missing.message} desk-admin ne crée une base qu'à la demande.",
            f"Vérifiez le chemin ; pour créer une base neuve à cet endroit : desk-admin --database-url \"{url}\" "
            "db upgrade --create",
            missing.path,
        ) from missing
    if upgrade:
        ensure_schema(database)
    return database


def _db_upgrade(args: argparse.Namespace) -> int:
    database = _open(args, upgrade=False, create=args.create)
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
    database = _open(args, create=True)  # for developers, on a scratch database it builds
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
    from desk.db.transactions import run_in_transaction
    from desk.services.lifecycle.baskets import expire_holds

    database = _open(args)
    report = run_in_transaction(database, lambda session: expire_holds(session, SystemClock().now()))
    print(f"{report.bookings_expired} réservation(s) en attente expirée(s), "
          f"places libérées sur {len(report.places_freed)} journée(s).")
    return EXIT_OK


def _verify_journal(args: argparse.Namespace) -> int:
    from desk.services.verification import Anchor, verify_journal

    anchors = [Anchor.parse(text) for text in args.anchor]  # an unreadable one stops here, before any reading
    database = _open(args)
    with database.read_session_factory() as session:
        result = verify_journal(session, anchors=anchors)
    out = sys.stdout if result.ok else sys.stderr
    print(result.summary(), file=out)
    for finding in result.findings:
        print(f"- {finding}", file=out)
    if result.ok and anchors:
        print(f"{len(anchors)} empreinte(s) de journal de caisse retrouvée(s) dans le journal.", file=out)
    if result.head.sequence:
        print(f"Tête du journal : écriture n° {result.head.sequence}, empreinte {result.head.hash}.", file=out)
    return EXIT_OK if result.ok else EXIT_FAILED


def _reconcile_online(args: argparse.Namespace) -> int:
    import os

    from desk.db.transactions import run_in_transaction
    from desk.gateway.payfip import SIMULATOR_URL, PayfipClient, PayfipEndpoint
    from desk.services.lifecycle.online import reconcile_online_payments

    url = args.payfip_url or os.environ.get("DESK_PAYFIP_URL") or SIMULATOR_URL
    try:
        endpoint = PayfipEndpoint(url, os.environ.get("DESK_PAYFIP_SAISIE") or "T")
    except ValueError as error:
        raise DeskError(str(error), "Exemple : --payfip-url https://www.payfip.gouv.fr") from None
    database = _open(args)
    report = reconcile_online_payments(lambda work: run_in_transaction(database, work), SystemClock(),
                                       PayfipClient(endpoint), ADMIN_ACTOR)
    print(report.summary())
    return EXIT_FAILED if report.failures else EXIT_OK


def _receipt(args: argparse.Namespace) -> int:
    """A reprint: the PDF says *DUPLICATA* with its copy number, recorded before the file is written.

    So a file never carries a copy the database does not know; a file that
    cannot be written leaves a recorded copy without paper, which is harmless.
    """
    from pathlib import Path

    from desk.db.transactions import run_in_transaction
    from desk.services.documents import reprint_receipt
    from desk.services.numbering import parse_receipt_code
    from reports.ticket import ticket_80mm, ticket_a4

    year, number = parse_receipt_code(args.number)
    printer = None
    if args.escpos is not None:
        from desk.devices.escpos_ticket import ticket_escpos
        from desk.devices.printer import parse_printer_url

        printer = parse_printer_url(args.escpos)  # a wrong address is said before any copy is recorded
    database = _open(args)
    render = (ticket_a4 if args.format == "a4" else ticket_80mm) if printer is None else (
        lambda document: ticket_escpos(document, args.columns))

    def reprint(session):
        payment_id = find_payment_of_receipt(session, year, number)
        document = reprint_receipt(session, SystemClock(), payment_id=payment_id, actor=ADMIN_ACTOR)
        return document, render(document)

    document, pdf = run_in_transaction(database, reprint)
    copy = f"duplicata n° {document.copy_number}"
    if printer is not None:
        return _print_copy(printer, pdf, document.code, copy)
    try:
        Path(args.output).write_bytes(pdf)
    except OSError as error:
        raise DeskError(f"Impossible d'écrire « {args.output} » ({error.strerror}) : le {copy} du ticket "
                        f"{document.code} est enregistré sans fichier.",
                        "Choisissez un autre fichier ; le prochain duplicata portera le numéro suivant.") from error
    print(f"Ticket {document.code} ({copy}) écrit dans {args.output}.")
    return EXIT_OK


def _print_copy(printer, job: bytes, code: str, copy: str) -> int:
    from desk.devices.printer import PrinterUnavailableError, send

    try:
        send(printer, job)
    except PrinterUnavailableError as error:
        raise DeskError(f"{error.message} Le {copy} du ticket {code} est enregistré sans papier.",
                        "Rallumez l'imprimante et recommencez : le prochain duplicata portera le numéro suivant.") \
            from error
    print(f"Ticket {code} ({copy}) imprimé sur {printer.description}.")
    return EXIT_OK


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas une date AAAA-MM-JJ (exemple : 2026-11-30)") from None


def _month(text: str) -> date:
    try:
        return date.fromisoformat(f"{text}-01")
    except ValueError:
        raise argparse.ArgumentTypeError(f"« {text} » n'est pas un mois AAAA-MM (exemple : 2026-11)") from None


def _write_document(path: str, content: bytes, recorded: str) -> None:
    """Write a document made after its record: a failure says that the record stands without its file."""
    from pathlib import Path

    try:
        Path(path).write_bytes(content)
    except OSError as error:
        raise DeskError(f"Impossible d'écrire « {path} » ({error.strerror}) : {recorded}",
                        "Choisissez un autre fichier ; le document peut être réimprimé depuis le poste du régisseur.") \
            from error


def _cheque_remittance(args: argparse.Namespace) -> int:
    from desk.db.transactions import run_in_transaction
    from desk.services.regie_books import make_remittance, remittance_document
    from reports.regie import remittance_slip_a4

    database = _open(args)

    def remit(session):
        return remittance_document(session, make_remittance(session, SystemClock(), ADMIN_ACTOR))

    slip = run_in_transaction(database, remit)
    _write_document(args.output, remittance_slip_a4(slip),
                    f"la remise {slip.number} est enregistrée sans fichier.")
    print(f"Remise {slip.number} : {slip.count} chèque(s), {format_cents(slip.total_cents)} ; "
          f"bordereau écrit dans {args.output}.")
    return EXIT_OK


def _versement(args: argparse.Namespace) -> int:
    from desk.db.transactions import run_in_transaction
    from desk.services.regie_books import record_versement, versement_document
    from reports.regie import versement_a4

    database = _open(args)

    def pay_over(session):
        return versement_document(session, record_versement(session, SystemClock(), ADMIN_ACTOR, args.first,
                                                             args.last))

    versement = run_in_transaction(database, pay_over)
    _write_document(args.output, versement_a4(versement), f"le versement {versement.number} est enregistré sans fichier.")
    print(f"Versement {versement.number} du {args.first:%d/%m/%Y} au {args.last:%d/%m/%Y} : "
          f"{format_cents(versement.total_cents)} ({versement.receipts.text()}) ; bordereau écrit dans {args.output}.")
    return EXIT_OK


def _recettes(args: argparse.Namespace) -> int:
    from desk.services.regie_books import month_justification
    from reports.regie import month_justification_a4, month_justification_csv

    render = {".csv": month_justification_csv, ".pdf": month_justification_a4}.get(
        "." + args.output.rsplit(".", 1)[-1].lower() if "." in args.output else "")
    if render is None:
        raise DeskError(f"« {args.output} » : le fichier doit finir par .csv ou .pdf.", "Exemple : recettes-2026-11.csv")
    database = _open(args)
    with database.read_session_factory() as session:
        justification = month_justification(session, SystemClock(), args.month)
    if not justification.receipts.count:
        raise DeskError(f"Aucune recette en {args.month:%m/%Y} : il n'y a rien à justifier.",
                        "Vérifiez le mois demandé.")
    _write_document(args.output, render(justification), "rien n'a été enregistré.")
    print(f"Recettes de {args.month:%m/%Y} : {format_cents(justification.total_cents)} "
          f"({justification.receipts.text()}) ; état écrit dans {args.output}.")
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
