"""A local stand-in for the DGFIP's PayFiP service: its SOAP web service, its card page, its notifications.

``desk-payfip --port N --data FILE`` (or ``python -m desk.payfip_simulator``)
serves what eopayment's ``payfip_ws`` client and a family's browser talk to on
the real service; the operations live in a SQLite file, so a simulator that is
killed and restarted still answers for each of them. ``store`` holds the
rules, ``soap`` and ``wsdl`` the web service, ``pages`` the card page,
``notifications`` the calls to ``urlnotif`` and ``server`` the HTTP service.
"""
