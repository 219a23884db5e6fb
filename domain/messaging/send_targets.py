"""Send targets this process remembers (issue 19): a sender's next message to a conversation
skips the read before the write (`sending.load_for_send`, the crew sync and the policy check).

Remembering is safe because nothing remembered is trusted for the write: a remembered target
is only ever stored to with the guarded statement (`sending.store(guarded=True)`), which checks
afresh, in the statement that writes, that the sender still takes part and that the booking
(its crew) and whether the parties have a booking are as remembered. When one of them changed,
nothing is written, the entry is dropped and the send takes the full path, which refuses a
sender who left. So no invalidation message is needed, across processes either. Only senders
the full path let through are remembered (never a refusal).
"""

from __future__ import annotations

from collections import OrderedDict

from domain.messaging.sending import SendTarget

# (conversation id as the client wrote it, user id) pairs: a few KB each at most.
TARGET_MEMORY = 10_000


class SendTargets:
    def __init__(self, size: int = TARGET_MEMORY) -> None:
        self._size = size
        self._known: OrderedDict[tuple[str, str], SendTarget] = OrderedDict()

    def get(self, conversation_id: str, user_id: str) -> SendTarget | None:
        key = (conversation_id, user_id)
        target = self._known.get(key)
        if target is not None:
            self._known.move_to_end(key)
        return target

    def remember(self, conversation_id: str, user_id: str, target: SendTarget) -> None:
        key = (conversation_id, user_id)
        self._known[key] = target
        self._known.move_to_end(key)
        while len(self._known) > self._size:
            self._known.popitem(last=False)

    def forget(self, conversation_id: str, user_id: str) -> None:
        self._known.pop((conversation_id, user_id), None)
