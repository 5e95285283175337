# SPDX-License-Identifier: MIT
from tests.tickets.ticket_help import organiser_key, ticket_for  # noqa: F401  (fixtures)
