"""PDF documents (ticket de règlement, récapitulatif, journal de caisse, relevé de compte).

Takes plain data, returns PDF bytes; no database session and no Qt here.
"""


def load_renderers() -> None:
    """Import reportlab and the documents ahead of the first print.

    They cost about 0.2 s to import, which the desk does not spend before its
    main window shows: the windows import them where they render, and the main
    window calls this on a worker thread right after start-up, so the first
    ticket of the day prints as fast as the others. (Plain imports, so that
    the application bundle sees them.)
    """
    from reports import cash_journal, recap, regie, statement, ticket  # noqa: F401
