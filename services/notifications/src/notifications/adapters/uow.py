from antena_common.db import UnitOfWork

from .repository import (ChannelRepository, ContactRepository, InvitationRepository, NotificationRepository,
                         PreferenceRepository, TemplateRepository)


class NotificationsUnitOfWork(UnitOfWork):
    def _start(self, session) -> None:
        self.templates = TemplateRepository(session)
        self.notifications = NotificationRepository(session)
        self.preferences = PreferenceRepository(session)
        self.channels = ChannelRepository(session)
        self.contacts = ContactRepository(session)
        self.invitations = InvitationRepository(session)
