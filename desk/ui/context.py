"""What every window of the counter is handed through its constructor."""

from __future__ import annotations

from datetime import date

from desk.clock import Clock, local_today
from desk.db.engine import Database
from desk.gateway.payfip import PayfipClient, PayfipService
from desk.services.access import Actor
from desk.services.application import DeskServices
from desk.ui.counter_devices import CounterDevices
from desk.ui.dialogs import DialogService
from desk.ui.settings import DeskSettings

__all__ = ["DeskContext"]


class DeskContext:
    """The application services, the dialogs and this desk's settings; built once by the application.

    Windows ask the database through ``services`` only, on a background
    runner. The signed-in agent is read-only here: the application signs in
    and out (``services.signed_in``).
    """

    def __init__(self, services: DeskServices, dialogs: DialogService, settings: DeskSettings) -> None:
        self._services = services
        self._dialogs = dialogs
        self._settings = settings
        self._devices = CounterDevices(settings)

    @classmethod
    def build(cls, database: Database, clock: Clock, dialogs: DialogService, *, settings: DeskSettings | None = None,
              signed_in: Actor | None = None, gateway: PayfipService | None = None) -> DeskContext:
        """The composition root: the services built once, with this desk's settings."""
        settings = settings or DeskSettings()
        gateway = gateway or PayfipClient(settings.payfip_endpoint)
        services = DeskServices.build(database, clock, hold_minutes=lambda: settings.hold_minutes, gateway=gateway,
                                      signed_in=signed_in)
        return cls(services, dialogs, settings)

    @property
    def services(self) -> DeskServices:
        return self._services

    @property
    def dialogs(self) -> DialogService:
        return self._dialogs

    @property
    def settings(self) -> DeskSettings:
        return self._settings

    @property
    def devices(self) -> CounterDevices:
        """The thermal printer and its cash drawer, on a runner of their own."""
        return self._devices

    @property
    def clock(self) -> Clock:
        return self._services.clock

    @property
    def database(self) -> Database:
        """For what watches the database rather than asks it: the change feed, the status bar."""
        return self._services.database

    @property
    def actor(self) -> Actor | None:
        return self._services.signed_in.actor

    @property
    def agent(self) -> Actor:
        return self._services.signed_in.agent

    def today(self) -> date:
        return local_today(self.clock)
