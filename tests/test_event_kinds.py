"""The kinds the apps switch on are closed sets (issue 16): every notification kind the notifier's
rules and the moderation notices write is a NotificationKind, every feed kind a FeedItemKind."""

from __future__ import annotations

import pytest

from domain.bookings.states import EVENT_TYPES
from domain.feed.kinds import FeedItemKind
from domain.feed.recipients import BID_TO_BIDDER, BID_TO_CUSTOMER, JOB_TO_CUSTOMER
from domain.notifications.kinds import NotificationKind
from domain.notifications.models import Channel
from domain.safety.models import Action
from push.notifier import RULES

pytestmark = pytest.mark.unit


def test_every_rule_writes_a_notification_kind():
    # An email-only rule (security notices, receipts) writes no notification an app lists.
    kinds = {rule.kind for rule in RULES.values() if Channel.IN_APP in rule.channels}
    kinds |= {f"moderation.{action.value}" for action in Action if action is not Action.DISMISS}
    assert kinds == {kind.value for kind in NotificationKind}


def test_every_feed_item_kind_is_a_feed_item_kind():
    bids = BID_TO_CUSTOMER | BID_TO_BIDDER
    kinds = {
        "job.posted",
        *JOB_TO_CUSTOMER,
        *bids,
        *("crew." + kind.replace(".", "_") for kind in bids),
        *EVENT_TYPES.values(),
        "booking.assigned",
    }
    assert kinds == {kind.value for kind in FeedItemKind}
